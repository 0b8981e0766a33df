namespace ResearchPortal.Web.Tests.Web;

/// <summary>
/// The test collections that share one portal host each, instead of a host per test class. xUnit runs collections in
/// parallel and the classes of one collection one after another; each test of a <see cref="SharedPortalTests"/> class
/// starts on an emptied database.
/// </summary>
public static class PortalCollections
{
    public const string Accounts = "Portal: accounts, administration, security";
    public const string Projects = "Portal: projects, filings, review, statistics";
    public const string Seminars = "Portal: seminars, enrollment, documents";
    public const string AfterSeminar = "Portal on a working day after the seminar";
    public const string SeminarEnd = "Portal on the seminar's last day";
}

[CollectionDefinition(PortalCollections.Accounts)]
public sealed class AccountsCollection : ICollectionFixture<PortalApp>;

[CollectionDefinition(PortalCollections.Projects)]
public sealed class ProjectsCollection : ICollectionFixture<PortalApp>;

[CollectionDefinition(PortalCollections.Seminars)]
public sealed class SeminarsCollection : ICollectionFixture<PortalApp>;

[CollectionDefinition(PortalCollections.AfterSeminar)]
public sealed class AfterSeminarCollection : ICollectionFixture<AfterSeminarPortal>;

[CollectionDefinition(PortalCollections.SeminarEnd)]
public sealed class SeminarEndCollection : ICollectionFixture<SeminarEndPortal>;

/// <summary>A test class of a <see cref="PortalCollections"/> collection: each of its tests starts on the shared portal's
/// database as the portal started (<see cref="PortalApp.ResetDatabaseAsync"/>), so no test depends on another's data.</summary>
public abstract class SharedPortalTests : IAsyncLifetime
{
    protected abstract PortalApp Portal { get; }

    public Task InitializeAsync() => Portal.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
