using System.Security.Cryptography;
using System.Text.Json;
using Reintegration.ServiceDefaults.EventStore;
using Reintegration.ServiceDefaults.Hosting;

namespace Reintegration.Training.Trainings;

/// <summary>
/// A training as Training knows it: delivered once, with these details. A certification reads it
/// to check that the worker completed a training of the course certified.
/// </summary>
public sealed record DeliveredTraining(Guid Id, TrainingDelivered Delivered, string DetailsFingerprint) : IStreamState<DeliveredTraining>
{
    public long Version { get; set; }

    public string Course => Delivered.Course;

    /// <summary>The worker's place in the training; null when they did not take part.</summary>
    public TrainedWorker? Participant(Guid worker) => Delivered.Participants.FirstOrDefault(p => p.WorkerId == worker);

    public static DeliveredTraining? Fold(DeliveredTraining? state, Guid streamId, object @event) => @event switch
    {
        // Delivered once: a decision never appends a second one.
        TrainingDelivered delivered when state is null => new DeliveredTraining(streamId, delivered, Fingerprint(delivered)),
        _ => state,
    };

    /// <summary>Two reports of the same training agree on everything but the partner's source.</summary>
    public static string Fingerprint(TrainingDelivered delivered) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(delivered with { Source = "" }, JsonDefaults.Web)));
}
