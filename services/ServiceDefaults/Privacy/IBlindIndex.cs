namespace Reintegration.ServiceDefaults.Privacy;

/// <summary>Keyed hashes of identifying values, for lookups (uniqueness, search, possible duplicates) that must not reveal them.</summary>
public interface IBlindIndex
{
    string Of(string value);
}
