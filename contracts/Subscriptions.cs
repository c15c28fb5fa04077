namespace Reintegration.Contracts;

/// <summary>
/// Who listens to what, on which queue. RabbitMQ drops a message published before its consumer's
/// queue exists, so every publishing service declares these queues and bindings at start-up,
/// whatever order the services start in. A consuming service reads its queue name from here too.
/// </summary>
public static class Subscriptions
{
    public const string CounsellingQueue = "counselling";
    public const string ReportingQueue = "reporting";
    public const string TrainingQueue = "training";

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<Type>> ByQueue =
        new Dictionary<string, IReadOnlyList<Type>>
        {
            [CounsellingQueue] = [typeof(ReturneeRegistered), typeof(ReturneeConsentChanged), typeof(ReturneeCaseClosed), typeof(ReturneeCaseReopened), typeof(ReturneeErased)],
            [ReportingQueue] =
            [
                typeof(ReturneeRegistered), typeof(CounsellingSessionHeld), typeof(AwarenessEventHeld),
                typeof(ReturneeConsentChanged), typeof(ReturneeScreened), typeof(ReintegrationPlanAgreed), typeof(SustainabilitySurveyRecorded),
                typeof(ReturneeCaseClosed), typeof(ReturneeCaseReopened), typeof(ReturneeErased),
                typeof(GroupSessionHeld), typeof(AssessmentRecorded), typeof(RiskFlagRaised), typeof(RiskFlagFollowedUp),
                typeof(ReferralMade), typeof(ReferralClosed),
                typeof(TrainingDelivered), typeof(WorkerCertified), typeof(WorkshopHeld),
            ],
            [TrainingQueue] = [typeof(ReturneeConsentChanged), typeof(ReturneeCaseClosed), typeof(ReturneeCaseReopened), typeof(ReturneeErased)],
        };
}
