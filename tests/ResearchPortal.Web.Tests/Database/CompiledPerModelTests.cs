using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Tests.Persistence;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Database;

/// <summary>
/// A query compiled by EF answers for the model it first ran against only; <see cref="CompiledPerModel{TQuery}"/>
/// keeps one compiled copy per model, so PostgreSQL and SQLite portals in one process both read through it.
/// </summary>
[Collection(PortalCollections.Projects)]
public sealed class CompiledPerModelTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task One_definition_reads_from_postgresql_and_sqlite_side_by_side_where_one_compiled_query_is_refused()
    {
        await using var sqlite = await PortalTestHost.StartSqliteAsync();
        var inPostgres = await AddProjectAsync(app.NewContext());
        var inSqlite = await AddProjectAsync(sqlite.NewContext());
        var perModel = new CompiledPerModel<Func<PortalDbContext, Guid, Task<string?>>>(CompileNameQuery);
        var compiledOnce = CompileNameQuery();

        await using var postgresContext = app.NewContext();
        await using var sqliteContext = sqlite.NewContext();
        var names = new List<string?>();
        foreach (var (db, id) in new[] { (postgresContext, inPostgres.Id), (sqliteContext, inSqlite.Id), (postgresContext, inPostgres.Id), (sqliteContext, inSqlite.Id) })
        {
            names.Add(await perModel.For(db)(db, id));
        }

        Assert.Equal([inPostgres.ProjectNumber, inSqlite.ProjectNumber, inPostgres.ProjectNumber, inSqlite.ProjectNumber], names);
        Assert.Equal(inPostgres.ProjectNumber, await compiledOnce(postgresContext, inPostgres.Id));
        await Assert.ThrowsAsync<InvalidOperationException>(() => compiledOnce(sqliteContext, inSqlite.Id));
    }

    private static Func<PortalDbContext, Guid, Task<string?>> CompileNameQuery() =>
        EF.CompileAsyncQuery((PortalDbContext context, Guid id) => context.PlanProjects.Where(p => p.Id == id).Select(p => p.ProjectNumber).SingleOrDefault());

    private static async Task<PlanProject> AddProjectAsync(PortalDbContext db)
    {
        await using var _ = db;
        var applicant = Organization();
        var host = Organization();
        var project = PlanProject(applicant, host, 2092);
        db.AddRange(PlanYear(2092), applicant, host, project);
        await db.SaveChangesAsync();
        return project;
    }
}
