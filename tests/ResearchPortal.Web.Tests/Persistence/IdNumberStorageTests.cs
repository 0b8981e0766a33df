using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data;
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
    public async Task Lists_read_the_masked_form_from_its_column_and_rows_stored_before_it_get_it_at_start_up()
    {
        var graph = await ProjectGraph.SaveApprovedAsync(_host.NewContext());
        var idNumber = IdNumber(7);
        var entry = Ok(RosterEntry.Create(graph.Project.Id, 1, "冯学员", Gender.Female, idNumber, "潍坊市农科院", null, null));
        await using (var db = _host.NewContext())
        {
            db.Add(entry);
            await db.SaveChangesAsync();
            Assert.Equal(idNumber.Masked, await MaskedAsync(db, entry.Id));
            await db.Database.ExecuteSqlAsync($"UPDATE \"RosterEntries\" SET \"IdNumberMasked\" = '' WHERE \"Id\" = {entry.Id}");
        }

        await using (var db = _host.NewContext())
        {
            await MaskedIdNumbers.BackfillAsync(db, CancellationToken.None);
        }

        await using var read = _host.NewContext();
        Assert.Equal(idNumber.Masked, await MaskedAsync(read, entry.Id));
    }

    private static Task<string> MaskedAsync(PortalDbContext db, Guid entryId) =>
        db.RosterEntries.Where(e => e.Id == entryId).Select(e => EF.Property<string>(e, IdNumberMapping.MaskedProperty)).SingleAsync();

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

    [Fact]
    public async Task The_database_alone_decrypts_neither_an_id_number_nor_the_hash_key()
    {
        var graph = await ProjectGraph.SaveApprovedAsync(_host.NewContext());
        var idNumber = IdNumber(6, Gender.Female);
        await using (var db = _host.NewContext())
        {
            db.Add(Receipt(graph.Filing, idNumber, "郑学员", Gender.Female));
            await db.SaveChangesAsync();
        }

        // What a dump holds: the key ring rows, the protected ID number and the protected hash key.
        await using var dump = _host.NewContext();
        var keyRing = (await dump.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync()).Select(XElement.Parse).ToList();
        var protectedId = await dump.Database
            .SqlQueryRaw<string>($"SELECT \"{IdNumberMapping.ProtectedColumn}\" AS \"Value\" FROM \"EnrollmentReceipts\"")
            .SingleAsync();
        var protectedHashKey = (await dump.PortalSecrets.AsNoTracking().SingleAsync(s => s.Name == IdNumberHashKey.SecretName)).ProtectedValue;
        Assert.All(keyRing, key => Assert.Contains("encryptedSecret", key.ToString(), StringComparison.Ordinal));

        var fromDumpOnly = ProtectorOver(keyRing, certificate: null);
        Assert.ThrowsAny<CryptographicException>(() => fromDumpOnly.CreateProtector(IdNumberProtection.Purpose).Unprotect(protectedId));
        Assert.ThrowsAny<CryptographicException>(() => fromDumpOnly.CreateProtector(IdNumberHashKey.Purpose).Unprotect(protectedHashKey));

        // The same rows with the certificate kept outside the database do decrypt: the refusal above is the missing key.
        var certificatePath = Path.Combine(AppContext.BaseDirectory, DataServiceCollectionExtensions.SqliteFolderName,
            KeyRingProtection.GeneratedFolder, KeyRingProtection.GeneratedFileName);
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, null, X509KeyStorageFlags.EphemeralKeySet);
        Assert.Equal(idNumber.Value, ProtectorOver(keyRing, certificate).CreateProtector(IdNumberProtection.Purpose).Unprotect(protectedId));
    }

    private static IDataProtectionProvider ProtectorOver(IReadOnlyList<XElement> keyRing, X509Certificate2? certificate)
    {
        var services = new ServiceCollection();
        var builder = services.AddDataProtection().SetApplicationName(DataServiceCollectionExtensions.DataProtectionApplicationName);
        if (certificate is not null)
        {
            builder.UnprotectKeysWithAnyCertificate(certificate);
        }

        services.Configure<KeyManagementOptions>(options =>
        {
            options.XmlRepository = new KeysFromDump(keyRing);
            options.AutoGenerateKeys = false;
        });
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
    }

    private sealed class KeysFromDump(IReadOnlyList<XElement> keys) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => keys;

        public void StoreElement(XElement element, string friendlyName) => throw new InvalidOperationException("read-only dump");
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
