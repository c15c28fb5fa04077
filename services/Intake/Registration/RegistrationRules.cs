using FluentValidation;
using Reintegration.ServiceDefaults.Reference;

namespace Reintegration.Intake.Registration;

/// <summary>The catalogue's rules for a registration's data, field by field.</summary>
public sealed class RegistrationRules : AbstractValidator<RegistrationData>
{
    public static readonly IReadOnlySet<string> ReturnTypes =
        new HashSet<string>(StringComparer.Ordinal) { "assisted-voluntary", "humanitarian-evacuation", "spontaneous", "forced" };

    public const string PhonePattern = @"^\+[1-9][0-9]{6,14}$";

    public RegistrationRules()
    {
        RuleFor(x => x.PartnerReference).Text(64).NoControlCharacters();
        RuleFor(x => x.GivenName).Text(100).NoControlCharacters();
        RuleFor(x => x.FamilyName).Text(100).NoControlCharacters();
        RuleFor(x => x.Sex).Code(Codes.Sexes);
        RuleFor(x => x.Age)
            .Must((x, age) => age is null != x.DateOfBirth is null).WithMessage("send exactly one of dateOfBirth and age")
            .InclusiveBetween(0, 120).WithMessage("must be an integer from 0 to 120");
        RuleFor(x => x.DateOfBirth)
            .Must((x, dob) => dob is null || x.ArrivalDate is null || dob <= x.ArrivalDate).WithMessage("must not be after arrivalDate")
            .Must((x, dob) => dob is null || x.ArrivalDate is null || AgeGroup.YearsBetween(dob.Value, x.ArrivalDate.Value) <= 120)
            .WithMessage("gives an age above 120 at arrival");
        RuleFor(x => x.Phone).Matches(PhonePattern).WithMessage("must be E.164, e.g. +22370123456")
            .NoControlCharacters(); // .NET's $ also matches before a final line break
        RuleFor(x => x.Region).Code(Codes.Regions);
        RuleFor(x => x.Commune).OptionalText(100).NoControlCharacters();
        RuleFor(x => x.ReturnedFrom).NotNull().WithMessage("is required")
            .Must(c => c is null || Codes.Countries.Contains(c)).WithMessage("must be an ISO 3166-1 alpha-2 country code in upper case, e.g. LY");
        RuleFor(x => x.ArrivalDate).Required();
        RuleFor(x => x.ReturnType).Code(ReturnTypes);
        RuleFor(x => x.Consent).NotNull().WithMessage("is required").SetValidator(new ConsentRules()!);
    }

    private sealed class ConsentRules : AbstractValidator<ConsentData>
    {
        public ConsentRules()
        {
            RuleFor(x => x.DataProcessing).Required()
                .Equal(true).WithMessage("must be true: without consent to data processing the returnee cannot be registered");
            RuleFor(x => x.Counselling).Required();
            RuleFor(x => x.FollowUpContact).Required();
            RuleFor(x => x.DataSharing).Must(list => list is null || list.Count <= 50).WithMessage("lists at most 50 partner sources");
            RuleForEach(x => x.DataSharing).Text(200).NoControlCharacters();
        }
    }
}
