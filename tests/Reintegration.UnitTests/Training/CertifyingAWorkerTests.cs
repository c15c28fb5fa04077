using Reintegration.ServiceDefaults.Problems;
using Reintegration.UnitTests.Support;
using static Reintegration.UnitTests.Support.HandlerSpecification;
using static Reintegration.UnitTests.Training.TrainingEvents;

namespace Reintegration.UnitTests.Training;

/// <summary>A certificate needs a training of that course that the worker completed: the rule lives in the training's stream.</summary>
public sealed class CertifyingAWorkerTests
{
    private readonly Guid _training = Guid.NewGuid();

    [Fact]
    public void A_worker_who_completed_a_training_of_the_course_is_certified() =>
        Certifications.Given(In(_training, Delivered(_training)))
            .When(Certification(Aminata, CertificationData(_training)))
            .Then(Certified(Aminata, _training));

    [Fact]
    public void A_worker_who_completed_it_without_test_scores_is_certified_too() =>
        Certifications.Given(In(_training, Delivered(_training)))
            .When(Certification(Moussa, CertificationData(_training)))
            .Then(Certified(Moussa, _training));

    [Fact]
    public void A_certification_before_its_training_is_known_is_refused_saying_to_send_it_again_after_the_training()
    {
        var problem = Certifications.Given().When(Certification(Aminata, CertificationData(_training))).ThenRejected(ProblemKind.TrainingNotKnown);

        Assert.Equal(422, problem.Kind.Status);
        Assert.Contains("data.trainingId", problem.Errors!.Keys);
        Assert.Contains("again", problem.Detail);
        Assert.Contains(_training.ToString(), problem.Detail);
    }

    [Fact]
    public void A_certification_naming_a_training_of_another_course_is_refused_naming_the_course()
    {
        var problem = Certifications.Given(In(_training, Delivered(_training)))
            .When(Certification(Aminata, CertificationData(_training, course: "mhgap")))
            .ThenRejected(ProblemKind.InvalidData);

        problem.AssertOnlyField(ProblemKind.InvalidData, "data.course");
        Assert.Contains("psychological-first-aid", problem.Detail);
    }

    [Fact]
    public void A_certification_of_a_worker_who_did_not_complete_the_training_is_refused()
    {
        var problem = Certifications.Given(In(_training, Delivered(_training)))
            .When(Certification(Fanta, CertificationData(_training)))
            .ThenRejected(ProblemKind.InvalidData);

        problem.AssertOnlyField(ProblemKind.InvalidData, "data.trainingId");
        Assert.Contains("did not complete", problem.Detail);
    }

    [Fact]
    public void A_certification_of_a_worker_who_was_not_in_the_training_is_refused()
    {
        var problem = Certifications.Given(In(_training, Delivered(_training)))
            .When(Certification(Guid.NewGuid(), CertificationData(_training)))
            .ThenRejected(ProblemKind.InvalidData);

        problem.AssertOnlyField(ProblemKind.InvalidData, "data.trainingId");
        Assert.Contains("not a participant", problem.Detail);
    }

    [Fact]
    public void Certified_twice_for_the_same_course_is_already_known() =>
        Certifications.Given(Certified(Aminata, _training), In(_training, Delivered(_training)))
            .When(Certification(Aminata, CertificationData(_training), time: Envelopes.At.AddDays(3)))
            .ThenNothingNew();

    [Fact]
    public void Certified_for_the_same_course_through_another_training_is_already_known()
    {
        var second = Guid.NewGuid();
        Certifications.Given(Certified(Aminata, _training), In(_training, Delivered(_training)), In(second, Delivered(second)))
            .When(Certification(Aminata, CertificationData(second)))
            .ThenNothingNew();
    }

    [Fact]
    public void A_certificate_for_another_course_is_a_new_certificate()
    {
        var mhgap = Guid.NewGuid();
        Certifications.Given(Certified(Aminata, _training), In(mhgap, Delivered(mhgap, course: "mhgap")))
            .When(Certification(Aminata, CertificationData(mhgap, course: "mhgap")))
            .Then(Certified(Aminata, mhgap, course: "mhgap"));
    }

    [Fact]
    public void A_training_id_that_is_the_worker_itself_is_named() =>
        Certifications.Prepare(Certification(Aminata, CertificationData(Aminata))).Problem
            .AssertOnlyField(ProblemKind.InvalidData, "data.trainingId");

    [Theory]
    [InlineData("course")]
    [InlineData("trainingId")]
    public void A_required_field_left_out_is_named(string field) =>
        Certifications.Prepare(Certification(Aminata, CertificationData(_training).Without(field))).Problem
            .AssertOnlyField(ProblemKind.InvalidData, $"data.{field}");

    [Fact]
    public void A_course_not_in_the_catalogue_is_named() =>
        Certifications.Prepare(Certification(Aminata, CertificationData(_training, course: "first-aid"))).Problem
            .AssertOnlyField(ProblemKind.InvalidData, "data.course");
}
