namespace Reintegration.Counselling;

/// <summary>An event about one returnee, on whichever stream it lives: what the counsellors' read model groups by.</summary>
public interface IAboutReturnee
{
    Guid ReturneeId { get; }
}
