using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static ResearchPortal.Web.Tests.Browser.Journeys.Ui;

namespace ResearchPortal.Web.Tests.Browser.Journeys;

/// <summary>A downloaded 结业证书 file is checked on the public page by uploading it; a changed copy is caught.</summary>
[Collection(DemoPortalCollection.Name)]
public sealed class CertificateUploadJourneyTests(DemoPortal portal, ITestOutputHelper output)
{
    [Fact]
    public async Task A_visitor_uploads_a_downloaded_certificate_file_and_sees_it_signed_and_valid_and_a_changed_copy_altered()
    {
        await using var journey = portal.StartJourney("certificate-upload");
        var reviewer = await portal.PageAsAsync(journey, DemoRole.Reviewer);
        var visitor = await journey.NewPageAsync(portal.BaseAddress);
        var folder = Directory.CreateTempSubdirectory("certificate-upload-");
        await journey.RunAsync(output, async () =>
        {
            await OpenProjectAsync(reviewer, DemoProjects.Closed, DemoRole.Reviewer);
            var pdf = await BrowserSession.DownloadAsync(reviewer, Link(reviewer, "结业证书（PDF）"), "application/pdf");
            var original = Path.Combine(folder.FullName, "结业证书.pdf");
            await File.WriteAllBytesAsync(original, pdf);
            var changed = Path.Combine(folder.FullName, "改动过的结业证书.pdf");
            var tampered = pdf.ToArray();
            tampered[pdf.Length / 2] ^= 0x01;
            await File.WriteAllBytesAsync(changed, tampered);

            await visitor.GotoAsync("/");
            await Nav(visitor, "证书查验").ClickAsync();
            await visitor.GetByLabel("证书 PDF 文件").SetInputFilesAsync(original);
            await Button(visitor, "上传并核验").ClickAsync();
            await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "签名有效" })).ToBeVisibleAsync();
            // The project's file holds every holder's certificate: one row each, all valid, names masked.
            await Expect(visitor.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^该文件含 \d+ 份证书$") })).ToBeVisibleAsync();
            var rows = visitor.GetByRole(AriaRole.Row).Filter(new() { HasText = DemoProjects.Closed });
            Assert.True(await rows.CountAsync() > 1);
            await Expect(rows.First).ToContainTextAsync("证书有效");
            await Expect(visitor.GetByText("请修改以下问题后重新提交")).ToHaveCountAsync(0);
            await journey.ScreenshotAsync(visitor, "uploaded-valid");

            await visitor.GetByLabel("证书 PDF 文件").SetInputFilesAsync(changed);
            await Button(visitor, "上传并核验").ClickAsync();
            await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "文件已被改动" })).ToBeVisibleAsync();
            await Expect(visitor.GetByText("证书有效")).ToHaveCountAsync(0);
            await journey.ScreenshotAsync(visitor, "uploaded-altered");
        });
        folder.Delete(recursive: true);
    }
}
