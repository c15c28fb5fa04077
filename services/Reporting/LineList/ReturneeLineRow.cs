using CsvHelper;
using MiniExcelLibs.Attributes;

namespace Reintegration.Reporting.LineList;

/// <summary>
/// One row of the pseudonymous line list, as the CSV and the spreadsheet have it: codes, counts
/// and scores (empty where the returnee has none), column names as the API spells fields. Lists
/// of codes are comma-separated, as in the journey.
/// </summary>
[CsvRecord]
public sealed partial class ReturneeLineRow
{
    [CsvColumn("id"), ExcelColumnName("id")] public Guid Id { get; init; }
    [CsvColumn("sex"), ExcelColumnName("sex")] public string Sex { get; init; } = "";
    [CsvColumn("ageGroup"), ExcelColumnName("ageGroup")] public string AgeGroup { get; init; } = "";
    [CsvColumn("region"), ExcelColumnName("region")] public string Region { get; init; } = "";
    [CsvColumn("returnedFrom"), ExcelColumnName("returnedFrom")] public string ReturnedFrom { get; init; } = "";
    [CsvColumn("arrivalMonth"), ExcelColumnName("arrivalMonth")] public string ArrivalMonth { get; init; } = "";
    [CsvColumn("vulnerabilities"), ExcelColumnName("vulnerabilities")] public string Vulnerabilities { get; init; } = "";
    [CsvColumn("sessions"), ExcelColumnName("sessions")] public int Sessions { get; init; }
    [CsvColumn("groupSessions"), ExcelColumnName("groupSessions")] public int GroupSessions { get; init; }
    [CsvColumn("workshops"), ExcelColumnName("workshops")] public int Workshops { get; init; }
    [CsvColumn("who5First"), ExcelColumnName("who5First")] public int? Who5First { get; init; }
    [CsvColumn("who5Latest"), ExcelColumnName("who5Latest")] public int? Who5Latest { get; init; }
    [CsvColumn("phq9First"), ExcelColumnName("phq9First")] public int? Phq9First { get; init; }
    [CsvColumn("phq9Latest"), ExcelColumnName("phq9Latest")] public int? Phq9Latest { get; init; }
    [CsvColumn("gad7First"), ExcelColumnName("gad7First")] public int? Gad7First { get; init; }
    [CsvColumn("gad7Latest"), ExcelColumnName("gad7Latest")] public int? Gad7Latest { get; init; }
    [CsvColumn("k10First"), ExcelColumnName("k10First")] public int? K10First { get; init; }
    [CsvColumn("k10Latest"), ExcelColumnName("k10Latest")] public int? K10Latest { get; init; }
    [CsvColumn("referrals"), ExcelColumnName("referrals")] public int Referrals { get; init; }
    [CsvColumn("caseStatus"), ExcelColumnName("caseStatus")] public string CaseStatus { get; init; } = "";

    public static ReturneeLineRow From(ReturneeLine line)
    {
        InstrumentScores? Scores(string instrument) => line.Assessments.GetValueOrDefault(instrument);
        return new ReturneeLineRow
        {
            Id = line.Id,
            Sex = line.Sex,
            AgeGroup = line.AgeGroup,
            Region = line.Region,
            ReturnedFrom = line.ReturnedFrom,
            ArrivalMonth = line.ArrivalMonth,
            Vulnerabilities = string.Join(",", line.Vulnerabilities),
            Sessions = line.Sessions.Count,
            GroupSessions = line.GroupSessions.Count,
            Workshops = line.Workshops.Count,
            Who5First = Scores("who-5")?.First,
            Who5Latest = Scores("who-5")?.Latest,
            Phq9First = Scores("phq-9")?.First,
            Phq9Latest = Scores("phq-9")?.Latest,
            Gad7First = Scores("gad-7")?.First,
            Gad7Latest = Scores("gad-7")?.Latest,
            K10First = Scores("k10")?.First,
            K10Latest = Scores("k10")?.Latest,
            Referrals = line.Referrals.Count,
            CaseStatus = line.CaseStatus,
        };
    }
}
