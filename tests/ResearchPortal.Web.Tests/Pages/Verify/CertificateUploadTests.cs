using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Authorization.Throttling;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Documents.Certificates;
using ResearchPortal.Web.Documents.Certificates.Signing;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Tests.Documents;
using ResearchPortal.Web.Tests.Pages.Errors;
using ResearchPortal.Web.Tests.Pages.Roster;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Pages.Verify;

/// <summary>
/// Downloaded certificates are signed (the holder's copy, the project's one file and each PDF of the ZIP), and /Verify
/// checks an uploaded one: signature, then its numbers against the records, shown as the number look-up shows them.
/// </summary>
[Collection(PortalCollections.Seminars)]
public sealed class CertificateUploadTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task Every_download_is_signed_by_the_portal_and_the_holders_copy_is_valid_for_pdfsig()
    {
        var (graph, trainee) = await IssuedAsync(rosterSize: 2);
        using var host = await graph.HostOrganizerAsync(app);
        using var owner = await app.LoginAsync(trainee);

        var own = await DownloadAsync(owner, $"/Documents/Certificate?entryId={graph.Entries[0].Id}");
        var all = await DownloadAsync(host, $"/Documents/Certificates?{graph.Query}");
        using var zip = new ZipArchive(new MemoryStream(await DownloadAsync(host, $"/Documents/Certificates/Zip?{graph.Query}")));

        Assert.Contains("Signature Validation: Signature is Valid.", PdfTools.SignatureReport(own));
        var check = app.Services.GetRequiredService<SignedCertificateCheck>();
        Assert.Equal(SignatureStatus.Valid, check.Check(own).Status);
        Assert.Equal(["刘学员", "学员02"], check.Check(all).Claims.Select(c => c.HolderName));
        Assert.All(zip.Entries, entry =>
        {
            using var content = new MemoryStream();
            entry.Open().CopyTo(content);
            Assert.Single(check.Check(content.ToArray()) is { Status: SignatureStatus.Valid } result ? result.Claims : []);
        });
    }

    [Fact]
    public async Task An_uploaded_certificate_shows_a_valid_signature_and_the_record_with_the_name_masked()
    {
        var (graph, trainee) = await IssuedAsync();
        var pdf = await OwnCopyAsync(graph, trainee);
        using var client = app.Anonymous();

        var html = PageText.Of(await UploadAsync(client, pdf));

        Assert.Contains("签名有效", html);
        Assert.Contains("证书有效", html);
        Assert.DoesNotContain("请修改以下问题后重新提交", html); // the look-up's empty fields are not this form's errors
        Assert.Contains(Masking.Name("刘学员"), html);
        Assert.DoesNotContain("刘学员", html);
        Assert.Contains(graph.Project.ProjectNumber, html);
        Assert.Contains("24 学时", html);
    }

    [Fact]
    public async Task A_tampered_file_is_reported_as_altered_and_one_signed_by_another_key_as_not_the_portals()
    {
        var (graph, trainee) = await IssuedAsync();
        var pdf = await OwnCopyAsync(graph, trainee);
        var tampered = pdf.ToArray();
        tampered[pdf.Length / 3] ^= 0x01;
        var certificate = await IssuedCertificate.Query(app.NewContext()).SingleAsync(c => c.PlanProjectId == graph.Project.Id);
        var another = new CertificateSigner(new SigningCertificate(SigningCertificate.Generate("CN=仿冒单位", DateTimeOffset.UtcNow)), TimeProvider.System);
        var forged = CertificatePdf.Render([certificate], "https://portal.example.cn", new(), another);
        using var client = app.Anonymous();

        var altered = PageText.Of(await UploadAsync(client, tampered));
        var foreign = PageText.Of(await UploadAsync(client, forged));

        Assert.Contains("文件已被改动", altered);
        Assert.Contains("不是本平台的签名", foreign);
        Assert.All(new[] { altered, foreign }, html => Assert.DoesNotContain("证书有效", html));
    }

    [Fact]
    public async Task A_signed_file_whose_number_was_revoked_or_whose_holder_was_corrected_since_says_so()
    {
        var (graph, trainee) = await IssuedAsync(rosterSize: 2);
        var pdf = await OwnCopyAsync(graph, trainee);
        using var host = await graph.HostOrganizerAsync(app);
        var bothPdf = await DownloadAsync(host, $"/Documents/Certificates?{graph.Query}");
        await using (var db = app.NewContext())
        {
            var entry = await db.RosterEntries.SingleAsync(e => e.Id == graph.Entries[0].Id);
            Ok(entry.RevokeCertificate("学员冒名参训", Reviewer, new DateTimeOffset(2025, 9, 30, 10, 0, 0, TimeSpan.FromHours(8))));
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE \"RosterEntries\" SET \"Name\" = {"学员贰"} WHERE \"Id\" = {graph.Entries[1].Id}");
        }

        using var client = app.Anonymous();
        var html = PageText.Of(await UploadAsync(client, pdf));
        var both = PageText.Of(await UploadAsync(client, bothPdf));

        Assert.Contains("已撤销", html);
        Assert.Contains("2025年9月30日", html);
        Assert.DoesNotContain("学员冒名参训", html);
        Assert.DoesNotContain("证书有效", html);
        Assert.Contains("该文件含 2 份证书", both);
        Assert.Contains("已撤销", both);
        Assert.Contains("与记录不符", both);
        Assert.DoesNotContain("学员贰", both);
    }

    [Fact]
    public async Task No_file_a_file_that_is_not_a_pdf_and_one_too_big_get_chinese_errors_next_to_the_field()
    {
        using var client = app.Anonymous();

        var none = PageText.Of(await UploadAsync(client, null));
        var notPdf = PageText.Of(await UploadAsync(client, "PK\u0003\u0004 not a pdf"u8.ToArray()));
        var tooBig = PageText.Of(await UploadAsync(client, [.. "%PDF-1.7\n"u8, .. new byte[20 * 1024 * 1024]]));
        var unsigned = PageText.Of(await UploadAsync(client, "%PDF-1.7\n%%EOF\n"u8.ToArray()));

        Assert.Contains("请选择要查验的证书 PDF 文件。", none);
        Assert.Contains("只能上传 PDF 文件（按文件内容判断）", notPdf);
        Assert.Contains("文件不能超过 20 MB。", tooBig);
        Assert.Contains("没有本平台的电子签名", unsigned);
        Assert.All(new[] { none, notPdf, tooBig }, html => Assert.DoesNotContain("签名有效", html));
    }

    [Fact]
    public async Task Uploads_count_against_the_same_per_address_limit_as_look_ups()
    {
        using var client = app.Anonymous();
        for (var i = 0; i < CertificateVerificationRateLimit.LookupsPerWindow; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await VerifyPageTests.PostAsync(client, "SDGY-NONE", "张三")).StatusCode);
        }

        var refused = await client.PostMultipartAsync(
            "/Verify?handler=Upload", [], new() { ["CertificateFile"] = ("证书.pdf", "%PDF-1.7\n"u8.ToArray()) }, formPage: "/Verify");

        await ErrorPageTests.AssertErrorPageAsync(refused, HttpStatusCode.TooManyRequests, "请求过于频繁");
    }

    [Fact]
    public async Task The_generated_signing_certificate_is_stored_so_a_restart_signs_with_the_same_one()
    {
        var current = app.Services.GetRequiredService<SigningCertificate>().Current;

        var afterRestart = ActivatorUtilities.CreateInstance<SigningCertificate>(app.Services).Current;

        Assert.Equal(current.Thumbprint, afterRestart.Thumbprint);
        Assert.True(afterRestart.HasPrivateKey);
        await using var db = app.NewContext();
        Assert.Equal(1, await db.PortalSecrets.CountAsync(s => s.Name == SigningCertificate.SecretName));
    }

    private async Task<(RosterGraph Graph, PortalUser Trainee)> IssuedAsync(int rosterSize = 1)
    {
        var trainee = await app.CreateUserAsync(PortalRoles.Trainee);
        var graph = await RosterGraph.SaveAsync(app, rosterSize, trainee.Id);
        await using var db = app.NewContext();
        var entries = await db.RosterEntries.Where(e => e.PlanProjectId == graph.Project.Id).OrderBy(e => e.Sequence).ToListAsync();
        foreach (var entry in entries)
        {
            Ok(entry.RecordResult(24m, passed: true, graph.Filing, SeminarStart));
        }

        Ok(CertificateIssuer.Assign(entries, graph.Filing, AfterSeminar, graph.Year, graph.Project.ProjectNumber, 1, new HashSet<string>()));
        await db.SaveChangesAsync();
        return (graph, trainee);
    }

    private async Task<byte[]> OwnCopyAsync(RosterGraph graph, PortalUser trainee)
    {
        using var owner = await app.LoginAsync(trainee);
        return await DownloadAsync(owner, $"/Documents/Certificate?entryId={graph.Entries[0].Id}");
    }

    private static async Task<byte[]> DownloadAsync(PortalClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    internal static async Task<string> UploadAsync(PortalClient client, byte[]? pdf)
    {
        var response = await client.PostMultipartAsync(
            "/Verify?handler=Upload", [], pdf is null ? [] : new() { ["CertificateFile"] = ("证书.pdf", pdf) }, formPage: "/Verify");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
