namespace Reintegration.Reporting;

/// <summary>Names this service's assembly: for JasperFx's type discovery and for test hosts.</summary>
public sealed class ReportingService;
