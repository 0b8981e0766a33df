using Microsoft.EntityFrameworkCore;
using Npgsql;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data.IdNumbers;
using ResearchPortal.Web.Tests.Builders;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Persistence;

/// <summary>ID numbers reach the database only encrypted and hashed; the hash still finds the row.</summary>
public sealed class IdNumberStorageTests : IAsyncLifetime
{
    private PortalTestHost _host = null!;

    public async Task InitializeAsync() => _host = await PortalTestHost.StartPostgresAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task No_table_holds_the_plaintext_and_the_hash_finds_the_rows()
    {
        var graph = await ProjectGraph.SaveApprovedAsync(_host.NewContext());
        var idNumber = IdNumber(3, Gender.Male);
        var receipt = Receipt(graph.Filing, idNumber, "周学员", Gender.Male);
        Ok(receipt.Accept(Organizer, Now));
        var entry = Ok(RosterEntry.FromReceipt(receipt, 1));
        await using (var db = _host.NewContext())
        {
            db.AddRange(receipt, entry);
            await db.SaveChangesAsync();
        }

        await using var read = _host.NewContext();
        var everyText = await AllTextIn(read, "EnrollmentReceipts", "RosterEntries");
        Assert.NotEmpty(everyText);
        Assert.DoesNotContain(everyText, text => text.Contains(idNumber.Value, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(everyText, text => text.Contains(idNumber.Value[6..14], StringComparison.Ordinal)); // not even the birth date

        var lookup = _host.Get<IdNumberLookup>();
        Assert.Equal(receipt.Id, (await lookup.Matching(read.EnrollmentReceipts, idNumber).SingleAsync()).Id);
        Assert.Equal(entry.Id, (await lookup.Matching(read.RosterEntries, idNumber).SingleAsync()).Id);
        Assert.Empty(await lookup.Matching(read.RosterEntries, IdNumber(4, Gender.Male)).ToListAsync());
    }

    [Fact]
    public async Task The_same_person_cannot_be_listed_twice_in_one_roster()
    {
        var graph = await ProjectGraph.SaveApprovedAsync(_host.NewContext());
        var idNumber = IdNumber(5);
        var first = Ok(RosterEntry.Create(graph.Project.Id, 1, "吴学员", Gender.Female, idNumber, "烟台市农科院", null, null));
        var second = Ok(RosterEntry.Create(graph.Project.Id, 2, "吴学员", Gender.Female, idNumber, "烟台市农科院", null, null));
        await using var db = _host.NewContext();
        db.AddRange(first, second);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    /// <summary>Every column of every row of the tables, as text, straight from PostgreSQL.</summary>
    private static async Task<List<string>> AllTextIn(Microsoft.EntityFrameworkCore.DbContext db, params string[] tables)
    {
        var texts = new List<string>();
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT row_to_json(t)::text FROM \"{table}\" t", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                texts.Add(reader.GetString(0));
            }
        }

        return texts;
    }
}
