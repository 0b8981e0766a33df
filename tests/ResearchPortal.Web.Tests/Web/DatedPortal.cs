using ResearchPortal.Web.Tests.Builders;

namespace ResearchPortal.Web.Tests.Web;

/// <summary>A fixture holding a <see cref="PortalApp"/> whose clock stands on a given day (xUnit builds fixtures
/// by type, so each day is its own type).</summary>
public abstract class DatedPortal(DateOnly today) : IAsyncLifetime
{
    public PortalApp App { get; } = new() { Today = today };

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}

/// <summary>After the seminar has ended: results and certificate numbers may be recorded.</summary>
public sealed class AfterSeminarPortal() : DatedPortal(TestData.AfterSeminar);

/// <summary>The seminar's last day: results may be recorded, certificate numbers not yet.</summary>
public sealed class SeminarEndPortal() : DatedPortal(TestData.SeminarEnd);
