namespace Reintegration.Training;

/// <summary>Names this service's assembly: for JasperFx's type discovery and for test hosts.</summary>
public sealed class TrainingService;
