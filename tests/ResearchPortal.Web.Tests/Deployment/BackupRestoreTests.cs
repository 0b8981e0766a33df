using Microsoft.EntityFrameworkCore;
using Npgsql;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Infrastructure;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Deployment;

/// <summary>ops/backup.sh and ops/restore.sh as the README tells an operator to use them: back up, lose the
/// database, create an empty one, restore, and find the same projects, receipts and files.</summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task A_backup_restored_into_a_recreated_database_has_the_same_projects_receipts_and_files()
    {
        await using var app = new PortalApp();
        await app.InitializeAsync();
        var graph = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var idNumber = TestData.IdNumber(1);
        var receiptId = await SaveReceiptAsync(app, graph, idNumber);
        var backup = Path.Combine(Directory.CreateTempSubdirectory("rp-backup-").FullName, "portal.dump");
        var database = new NpgsqlConnectionStringBuilder(app.ConnectionString);
        try
        {
            var (backedUp, backupOutput) = await RunScriptAsync("backup.sh", database, backup);
            Assert.True(backedUp == 0, backupOutput);
            Assert.Contains("备份完成", backupOutput);

            await RecreateEmptyAsync(database);
            var (restored, restoreOutput) = await RunScriptAsync("restore.sh", database, backup);
            Assert.True(restored == 0, restoreOutput);

            NpgsqlConnection.ClearAllPools(); // the app's pooled connections died with the old database
            await using var db = app.NewContext();
            var project = await db.PlanProjects.SingleAsync(p => p.Id == graph.Project.Id);
            Assert.Equal(graph.Project.Name, project.Name);
            var receipt = await db.EnrollmentReceipts.SingleAsync(r => r.Id == receiptId);
            Assert.Equal(idNumber.Value, receipt.IdNumber.Value); // the protected ID number reads back
            var plan = await db.StoredFiles.SingleAsync(f => f.Id == graph.Plan.Id);
            Assert.Equal(graph.Plan.Content, plan.Content);

            var (again, againOutput) = await RunScriptAsync("restore.sh", database, backup);
            Assert.Equal(1, again); // never over a database that has tables
            Assert.Contains("目标数据库不是空的", againOutput);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(backup)!, recursive: true);
        }
    }

    private static async Task<Guid> SaveReceiptAsync(PortalApp app, ProjectGraph graph, Domain.Enrollment.IdNumber idNumber)
    {
        await using var db = app.NewContext();
        var receipt = TestData.Receipt(graph.Filing, idNumber);
        db.EnrollmentReceipts.Add(receipt);
        await db.SaveChangesAsync();
        return receipt.Id;
    }

    /// <summary>The scripts take the database from PG* variables, as on a database host.</summary>
    private static Task<(int ExitCode, string Output)> RunScriptAsync(string script, NpgsqlConnectionStringBuilder database, string backup)
    {
        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = database.Host!,
            ["PGPORT"] = database.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = database.Username!,
            ["PGDATABASE"] = database.Database!,
        };
        if (!string.IsNullOrEmpty(database.Password))
        {
            environment["PGPASSWORD"] = database.Password;
        }

        if (PostgresServer.Instance.BinFolder is { } bin)
        {
            environment["PG_BIN"] = bin;
        }

        return ExternalProcess.RunAsync("bash", [Path.Combine(RepositoryPaths.Root(), "ops", script), backup], environment);
    }

    private static async Task RecreateEmptyAsync(NpgsqlConnectionStringBuilder database)
    {
        await PostgresServer.Instance.DropDatabaseAsync(database.ConnectionString);
        await using var admin = new NpgsqlConnection(PostgresServer.Instance.AdminConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Database}\" ENCODING 'UTF8'", admin);
        await create.ExecuteNonQueryAsync();
    }
}
