using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Roster;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Pages.Documents;
using ResearchPortal.Web.Tests.Documents;
using ResearchPortal.Web.Tests.Pages.Roster;
using ResearchPortal.Web.Tests.Web;
using UglyToad.PdfPig;
using static ResearchPortal.Web.Tests.Builders.TestData;

namespace ResearchPortal.Web.Tests.Pages.Documents;

[Collection(PortalCollections.Seminars)]
public sealed class DocumentDownloadTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task Host_downloads_the_filing_form_under_a_chinese_file_name()
    {
        var graph = await RosterGraph.SaveAsync(app, 0);
        using var host = await graph.HostOrganizerAsync(app);

        var response = await host.GetAsync($"/Documents/Filing?{graph.Query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocumentDownloadModel.PdfContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{graph.Project.ProjectNumber}-高级研修项目备案表.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("高级研修项目备案表", await PdfTextAsync(response));

        // Every export is audited once: who, when, which document and project.
        await using var db = app.NewContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.PlanProjectId == graph.Project.Id && a.Action == AuditActions.ExportDownload);
        Assert.Equal($"{graph.Project.ProjectNumber}-高级研修项目备案表.pdf", audit.Details);
        Assert.StartsWith("/Documents/Filing", audit.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_units_organizer_gets_404_and_anonymous_users_are_sent_to_login()
    {
        var graph = await RosterGraph.SaveAsync(app, 1);
        var stranger = await (await RosterGraph.SaveAsync(app, 0)).HostOrganizerAsync(app);
        using var anonymous = app.Anonymous();
        string[] urls =
        [
            $"/Documents/Filing?{graph.Query}", $"/Documents/Receipts?{graph.Query}", $"/Documents/Roster?{graph.Query}",
            $"/Documents/SelfEvaluation?{graph.Query}", $"/Documents/Acceptance?{graph.Query}&copies=3",
            $"/Documents/Certificates?{graph.Query}", $"/Documents/Certificates/Zip?{graph.Query}",
            $"/Documents/Certificate?entryId={graph.Entries[0].Id}",
        ];

        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
            var anonymousResponse = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, anonymousResponse.StatusCode);
            Assert.Contains("/Account/Login", anonymousResponse.Headers.Location?.ToString());
        }
    }

    [Fact]
    public async Task Roster_pdf_has_full_id_numbers_and_is_audited_as_an_export()
    {
        var graph = await RosterGraph.SaveAsync(app, 2);
        using var host = await graph.HostOrganizerAsync(app);

        var response = await host.GetAsync($"/Documents/Roster?{graph.Query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await PdfTextAsync(response);
        Assert.Contains(graph.Entries[0].IdNumber.Value, text);
        Assert.Contains(graph.Entries[1].IdNumber.Value, text);
        await using var db = app.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.PlanProjectId == graph.Project.Id && a.Action == AuditActions.ExportRosterPdf));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.PlanProjectId == graph.Project.Id && a.Action == AuditActions.ExportDownload));
    }

    [Fact]
    public async Task Applicant_unit_may_print_the_close_out_forms_but_not_the_roster()
    {
        var graph = await RosterGraph.SaveAsync(app, 1);
        await SaveCloseOutAsync(graph);
        using var applicant = await graph.ApplicantOrganizerAsync(app);

        var report = await applicant.GetAsync($"/Documents/SelfEvaluation?{graph.Query}");
        var acceptance = await applicant.GetAsync($"/Documents/Acceptance?{graph.Query}&copies=3");

        Assert.Contains("绩效评价自评报告", await PdfTextAsync(report));
        using var pdf = PdfDocument.Open(await acceptance.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, pdf.NumberOfPages);
        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/Documents/Roster?{graph.Query}")).StatusCode);
    }

    [Fact]
    public async Task Receipts_go_to_the_host_and_each_one_to_the_trainee_who_sent_it_only()
    {
        var trainee = await app.CreateUserAsync(PortalRoles.Trainee);
        var graph = await RosterGraph.SaveAsync(app, 1, trainee.Id);
        var receiptId = graph.Entries[0].ReceiptId!.Value;
        using var owner = await app.LoginAsync(trainee);
        using var otherTrainee = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Trainee));
        using var host = await graph.HostOrganizerAsync(app);
        var url = $"/Documents/Receipt?receiptId={receiptId}";

        var own = await owner.GetAsync(url);

        Assert.Contains("刘学员", await PdfTextAsync(own));
        Assert.Equal(HttpStatusCode.NotFound, (await otherTrainee.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync(url)).StatusCode);
        Assert.Contains("报名回执", await PdfTextAsync(await host.GetAsync($"/Documents/Receipts?{graph.Query}")));
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/Documents/Receipts?{graph.Query}")).StatusCode);
    }

    [Fact]
    public async Task Certificates_come_as_one_pdf_a_zip_of_passed_trainees_and_the_holders_own_copy()
    {
        var trainee = await app.CreateUserAsync(PortalRoles.Trainee);
        var graph = await RosterGraph.SaveAsync(app, 3, trainee.Id);
        var numbers = await IssueCertificatesAsync(graph, passed: [0, 2]);
        using var host = await graph.HostOrganizerAsync(app);
        using var owner = await app.LoginAsync(trainee);

        var pdf = await host.GetAsync($"/Documents/Certificates?{graph.Query}");
        var zipResponse = await host.GetAsync($"/Documents/Certificates/Zip?{graph.Query}");
        var own = await owner.GetAsync($"/Documents/Certificate?entryId={graph.Entries[0].Id}");

        var text = await PdfTextAsync(pdf);
        Assert.All(numbers, number => Assert.Contains(number, text));
        using var zip = new ZipArchive(await zipResponse.Content.ReadAsStreamAsync());
        Assert.Equal([$"{numbers[0]}-刘学员.pdf", $"{numbers[1]}-学员03.pdf"], zip.Entries.Select(e => e.FullName));
        Assert.Equal($"{numbers[0]}-刘学员.pdf", own.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/Documents/Certificate?entryId={graph.Entries[2].Id}")).StatusCode);
    }

    [Fact]
    public async Task Certificate_zip_is_streamed_into_the_response_as_one_valid_pdf_per_holder()
    {
        var graph = await RosterGraph.SaveAsync(app, 3);
        var numbers = await IssueCertificatesAsync(graph, passed: [0, 1, 2]);
        using var host = await graph.HostOrganizerAsync(app);

        using var response = await host.Http.GetAsync($"/Documents/Certificates/Zip?{graph.Query}", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocumentDownloadModel.ZipContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{graph.Project.ProjectNumber}-结业证书.zip", response.Content.Headers.ContentDisposition?.FileNameStar);
        // Streamed, not buffered whole: no length is known when the headers go out, and ZipArchive marks an entry as
        // followed by a data descriptor (general purpose flag bit 3) only when it cannot seek back, i.e. when it writes
        // straight into the response body.
        Assert.Null(response.Content.Headers.ContentLength);
        var file = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(0x08, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(6)) & 0x08);
        using var zip = new ZipArchive(new MemoryStream(file));
        Assert.Equal(numbers, zip.Entries.Select(e => e.FullName[..e.FullName.LastIndexOf('-')]));
        foreach (var (entry, number) in zip.Entries.Zip(numbers))
        {
            using var pdf = new MemoryStream();
            await using (var content = await entry.OpenAsync())
            {
                await content.CopyToAsync(pdf);
            }

            Assert.Equal("", PdfTools.QpdfProblems(pdf.ToArray()));
            using var document = PdfDocument.Open(pdf.ToArray());
            Assert.Contains(number, Assert.Single(document.GetPages()).Text.Replace(" ", ""));
        }
        await using var db = app.NewContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.PlanProjectId == graph.Project.Id && a.Action == AuditActions.ExportDownload);
        Assert.Equal($"{graph.Project.ProjectNumber}-结业证书.zip", audit.Details);
    }

    private static async Task<string> PdfTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "");
    }

    private async Task SaveCloseOutAsync(RosterGraph graph)
    {
        await using var db = app.NewContext();
        db.CloseOuts.Add(CompleteCloseOut(graph.Project.Id));
        await db.SaveChangesAsync();
    }

    /// <summary>Records the given entries as passed and numbers them; returns their certificate numbers in order.</summary>
    private async Task<List<string>> IssueCertificatesAsync(RosterGraph graph, int[] passed)
    {
        await using var db = app.NewContext();
        var entries = await db.RosterEntries.Where(e => e.PlanProjectId == graph.Project.Id).OrderBy(e => e.Sequence).ToListAsync();
        foreach (var (entry, index) in entries.Select((e, i) => (e, i)))
        {
            Ok(entry.RecordResult(24m, passed.Contains(index), graph.Filing, SeminarStart));
        }

        var numbered = Ok(CertificateIssuer.Assign(entries, graph.Filing, AfterSeminar, graph.Year, graph.Project.ProjectNumber, 1, new HashSet<string>()));
        await db.SaveChangesAsync();
        return [.. numbered.Select(e => e.CertificateNumber!)];
    }
}
