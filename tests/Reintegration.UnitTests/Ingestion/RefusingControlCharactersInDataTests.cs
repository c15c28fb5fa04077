using FluentValidation;
using Reintegration.ServiceDefaults.Problems;
using Reintegration.ServiceDefaults.Reference;
using Reintegration.UnitTests.Support;
using Registrations = Reintegration.UnitTests.Intake.Registrations;
using Sessions = Reintegration.UnitTests.Counselling.Sessions;
using AwarenessEvents = Reintegration.UnitTests.Training.AwarenessEvents;

namespace Reintegration.UnitTests.Ingestion;

/// <summary>No text holds U+0000; names, codes, ids, references and phone numbers hold no control characters: 422 naming the field.</summary>
public sealed class RefusingControlCharactersInDataTests
{
    public static TheoryData<string, string> RegistrationFields => new()
    {
        { "phone", "+22370123456\n" },
        { "phone", "+2237012\t3456" },
        { "givenName", "Aminata\n" },
        { "givenName", "Ami\u0000nata" },
        { "familyName", "Tra\u0085oré" },
        { "partnerReference", "NGO-BKO-0042\r\n" },
        { "commune", "Kita\u001b" },
        { "consent.dataSharing", "[\"urn:partner:childrens-fund\\n\"]" },
        { "sex", "female\n" },
        { "region", "kita\u0000" },
        { "returnedFrom", "LY\n" },
    };

    [Theory]
    [MemberData(nameof(RegistrationFields))]
    public void Given_a_control_character_in_a_registration_field_when_read_then_it_is_named(string field, string value)
    {
        var data = field == "consent.dataSharing" ? Registrations.ValidData().Set(field, value) : Registrations.ValidData().SetText(field, value);
        var named = field == "consent.dataSharing" ? "data.consent.dataSharing[0]" : $"data.{field}";

        Registrations.ProblemWith(data).AssertOnlyField(ProblemKind.InvalidData, named);
    }

    [Theory]
    [InlineData("counsellor", "counsellor-kita-07\n")]
    [InlineData("counsellor", "counsellor\u0000")]
    [InlineData("modality", "phone\n")]
    public void Given_a_control_character_in_a_session_field_when_read_then_it_is_named(string field, string value) =>
        Sessions.ProblemWith(Sessions.ValidData().SetText(field, value)).AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");

    [Theory]
    [InlineData("commune", "Kita\n")]
    [InlineData("kind", "radio-broadcast\u0000")]
    public void Given_a_control_character_in_an_awareness_event_field_when_read_then_it_is_named(string field, string value) =>
        AwarenessEvents.ProblemWith(AwarenessEvents.ValidData().SetText(field, value)).AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");

    [Fact]
    public void Given_U_0000_in_a_field_the_type_does_not_know_when_read_then_it_is_named_for_U_0000()
    {
        var messages = Sessions.ProblemWith(Sessions.ValidData().SetText("notes", "a\u0000b"))
            .AssertOnlyField(ProblemKind.InvalidData, "data.notes");

        Assert.Equal([RuleExtensions.NulMessage], messages);
    }

    [Fact]
    public void Given_a_name_with_letters_beyond_ASCII_when_read_then_it_is_accepted() =>
        Assert.Null(Registrations.ProblemWith(Registrations.ValidData().SetText("givenName", "Aïssata Ñ'Diaye-Kéïta")));

    private sealed record Sample(string? Text);

    [Theory]
    [InlineData("a\u0000")]
    [InlineData("\n")]
    [InlineData("a\u007f")]
    [InlineData("a\u009f")]
    public void Given_a_control_character_when_checked_by_NoControlCharacters_then_it_fails(string value)
    {
        var rules = new InlineValidator<Sample>();
        rules.RuleFor(s => s.Text).NoControlCharacters();

        Assert.Equal(RuleExtensions.ControlCharacterMessage, Assert.Single(rules.Validate(new Sample(value)).Errors).ErrorMessage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Aïssata \u00a0 Traoré")]
    public void Given_no_control_character_when_checked_by_NoControlCharacters_then_it_passes(string? value)
    {
        var rules = new InlineValidator<Sample>();
        rules.RuleFor(s => s.Text).NoControlCharacters();

        Assert.True(rules.Validate(new Sample(value)).IsValid);
    }

    [Fact]
    public void Given_free_text_with_a_line_break_when_checked_by_Text_then_it_passes_but_U_0000_fails()
    {
        var rules = new InlineValidator<Sample>();
        rules.RuleFor(s => s.Text).Text(100);

        Assert.True(rules.Validate(new Sample("first line\nsecond line")).IsValid);
        Assert.Equal(RuleExtensions.NulMessage, Assert.Single(rules.Validate(new Sample("a\u0000b")).Errors).ErrorMessage);
    }
}
