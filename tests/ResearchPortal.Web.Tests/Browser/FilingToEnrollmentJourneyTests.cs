using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Plans;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Data.Demo;
using ResearchPortal.Web.Pages.Account;
using ResearchPortal.Web.Tests.Browser.Journeys;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Web;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ResearchPortal.Web.Tests.Browser;

/// <summary>
/// The browser journey on a real port with PostgreSQL, in Debian's Chromium: the host organizer files and
/// submits → the reviewer returns it → the organizer fixes and resubmits → the reviewer approves → a trainee registers
/// (confirming the e-mail through the mailed link) and enrolls → the organizer accepts. Only the plan (year, units, project) and the two staff accounts are seeded;
/// everything else is typed and clicked. Each step leaves a numbered screenshot in
/// <c>$RESEARCHPORTAL_ARTIFACTS/screenshots/filing-to-enrollment/</c>.
/// </summary>
public sealed class FilingToEnrollmentJourneyTests(ITestOutputHelper output)
{
    private const string Journey = "filing-to-enrollment";
    private const string ReturnComment = "计划学员人数请按实际报名规模调整为 45 人，办班地点请写明具体楼层。";
    private const string FixedVenue = "济南市历下区培训中心三楼报告厅";
    private const string TraineeName = "刘晓梅";

    /// <summary>A small file that passes the upload's content check (PDF magic bytes).</summary>
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <summary>A valid 18-digit number (MOD 11-2 check character) of a woman born 1988-05-20, computed, not copied.</summary>
    private static readonly IdNumber TraineeId = ChineseIdNumbers.Create(new DateOnly(1988, 5, 20), 36, Gender.Female);

    [Fact]
    public async Task Organizer_files_reviewer_returns_then_approves_trainee_enrolls_and_is_accepted()
    {
        var clock = Stopwatch.StartNew();
        Assertions.SetDefaultExpectTimeout(10_000);

        await using var app = new PortalApp { OnRealPort = true };
        await app.InitializeAsync();
        var project = await SeedPlanAsync(app);
        var organizer = await app.CreateUserAsync(PortalRoles.Organizer, project.HostOrganizationId, "王组织");
        var reviewer = await app.CreateUserAsync(PortalRoles.Reviewer, displayName: "赵审核");
        var traineeEmail = $"liuxm-{Guid.NewGuid():N}@example.com";

        await using var browser = await BrowserSession.LaunchAsync(Journey);
        output.WriteLine($"app: {app.BaseAddress}  screenshots: {browser.ScreenshotFolder}");
        var organizerPage = await browser.NewPageAsync(app.BaseAddress);
        var reviewerPage = await browser.NewPageAsync(app.BaseAddress);
        var traineePage = await browser.NewPageAsync(app.BaseAddress);
        var current = organizerPage;

        try
        {
            // 1. The organizer logs in and finds the project on the unit's dashboard.
            await LogInAsync(organizerPage, organizer.Email!, "王组织");
            await Nav(organizerPage, "本单位项目").ClickAsync();
            var dashboardRow = organizerPage.GetByRole(AriaRole.Row).Filter(new() { HasText = project.ProjectNumber });
            await Expect(dashboardRow).ToContainTextAsync("待备案");
            await Expect(dashboardRow).ToContainTextAsync("承办单位");
            await browser.ScreenshotAsync(organizerPage, "organizer-dashboard");

            // 2. Project overview → the Annex 2 filing form.
            await dashboardRow.GetByRole(AriaRole.Link, new() { Name = project.Name, Exact = true }).ClickAsync();
            await Expect(organizerPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(project.ProjectNumber);
            await organizerPage.GetByRole(AriaRole.Link, new() { Name = "填写备案", Exact = true }).ClickAsync();
            await Expect(organizerPage.GetByRole(AriaRole.Heading, new() { Name = "研修项目备案表" })).ToBeVisibleAsync();
            await browser.ScreenshotAsync(organizerPage, "organizer-empty-filing-form");

            // 3. Every field, three expert rows added in the page (one extra added and removed), both uploads, attestation.
            await FillFilingAsync(organizerPage);
            await browser.ScreenshotAsync(organizerPage, "organizer-filled-filing-form");

            await organizerPage.GetByRole(AriaRole.Button, new() { Name = "提交备案" }).ClickAsync();
            await Expect(Status(organizerPage)).ToHaveTextAsync("备案已提交，请等待省人社厅专技处审核。");
            await Expect(organizerPage.GetByText("状态：")).ToContainTextAsync("已提交待审核");
            await Expect(organizerPage.GetByRole(AriaRole.Row).Filter(new() { HasText = "学时总计" })).ToContainTextAsync("24.5");
            await Expect(organizerPage.GetByRole(AriaRole.Link, new() { Name = "修改备案", Exact = true })).ToHaveCountAsync(0);
            await browser.ScreenshotAsync(organizerPage, "organizer-submitted");

            // 4. The reviewer opens 审核 → 备案审核 and returns the filing with a comment.
            current = reviewerPage;
            await LogInAsync(reviewerPage, reviewer.Email!, "赵审核");
            await OpenFilingQueueAsync(reviewerPage);
            var queueRow = reviewerPage.GetByRole(AriaRole.Row).Filter(new() { HasText = project.ProjectNumber });
            await Expect(queueRow).ToContainTextAsync("2025年9月15日");
            await Expect(queueRow).ToContainTextAsync("24.5");
            await browser.ScreenshotAsync(reviewerPage, "reviewer-filing-queue");

            await queueRow.GetByRole(AriaRole.Link, new() { Name = "审核", Exact = true }).ClickAsync();
            await Expect(reviewerPage.Locator("#filing-status")).ToHaveTextAsync("已提交待审核");
            await Expect(reviewerPage.GetByText("实施方案.pdf")).ToBeVisibleAsync();
            await Expect(reviewerPage.GetByText("举办通知.pdf")).ToBeVisibleAsync();
            await reviewerPage.GetByLabel("审核意见（退回时必填）").FillAsync(ReturnComment);
            await browser.ScreenshotAsync(reviewerPage, "reviewer-writes-return-comment");
            await reviewerPage.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
            await Expect(Status(reviewerPage)).ToHaveTextAsync("备案已退回承办单位修改。");
            await Expect(reviewerPage.GetByText("没有符合条件的待审核备案。")).ToBeVisibleAsync();
            await browser.ScreenshotAsync(reviewerPage, "reviewer-returned");

            // 5. The organizer sees the comment, fixes the trainee count and venue, and resubmits.
            current = organizerPage;
            await Nav(organizerPage, "本单位项目").ClickAsync();
            await organizerPage.GetByRole(AriaRole.Link, new() { Name = project.Name, Exact = true }).ClickAsync();
            await Expect(organizerPage.GetByText($"备案被退回，审核意见：{ReturnComment}")).ToBeVisibleAsync();
            await browser.ScreenshotAsync(organizerPage, "organizer-sees-return-comment");

            await organizerPage.GetByRole(AriaRole.Link, new() { Name = "填写备案", Exact = true }).ClickAsync();
            await Expect(organizerPage.GetByRole(AriaRole.Alert).Filter(new() { HasText = "备案被退回" })).ToContainTextAsync(ReturnComment);
            await Expect(organizerPage.GetByLabel("计划学员人数")).ToHaveValueAsync("40");
            await Expect(organizerPage.GetByRole(AriaRole.Textbox, new() { Name = "授课专家" })).ToHaveCountAsync(3);
            await organizerPage.GetByLabel("计划学员人数").FillAsync("45");
            await organizerPage.GetByLabel("办班地点").FillAsync(FixedVenue);
            await browser.ScreenshotAsync(organizerPage, "organizer-fixes-filing");
            await organizerPage.GetByRole(AriaRole.Button, new() { Name = "提交备案" }).ClickAsync();
            await Expect(Status(organizerPage)).ToHaveTextAsync("备案已提交，请等待省人社厅专技处审核。");
            await Expect(organizerPage.GetByText("状态：")).ToContainTextAsync("已提交待审核");
            await Expect(organizerPage.GetByText(FixedVenue)).ToBeVisibleAsync();
            await browser.ScreenshotAsync(organizerPage, "organizer-resubmitted");

            // 6. The reviewer sees the resubmission flagged, reads the history, and approves.
            current = reviewerPage;
            await OpenFilingQueueAsync(reviewerPage);
            queueRow = reviewerPage.GetByRole(AriaRole.Row).Filter(new() { HasText = project.ProjectNumber });
            await Expect(queueRow).ToContainTextAsync("退回后重新提交（已退回 1 次）");
            await queueRow.GetByRole(AriaRole.Link, new() { Name = "审核", Exact = true }).ClickAsync();
            await Expect(reviewerPage.GetByRole(AriaRole.Row).Filter(new() { HasText = ReturnComment })).ToContainTextAsync("已提交待审核 → 已退回");
            await Expect(reviewerPage.GetByText(FixedVenue)).ToBeVisibleAsync();
            await browser.ScreenshotAsync(reviewerPage, "reviewer-sees-resubmission");
            await reviewerPage.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
            await Expect(Status(reviewerPage)).ToHaveTextAsync("备案已审核通过，研修班已面向全省发布。");
            await browser.ScreenshotAsync(reviewerPage, "reviewer-approved");

            // 7. A trainee registers through the form.
            current = traineePage;
            await traineePage.GotoAsync("/");
            await Nav(traineePage, "学员注册").ClickAsync();
            await traineePage.GetByLabel("姓名").FillAsync(TraineeName);
            await traineePage.GetByLabel("电子邮箱").FillAsync(traineeEmail);
            await traineePage.GetByLabel("密码", new() { Exact = true }).FillAsync(PortalApp.Password);
            await traineePage.GetByLabel("确认密码").FillAsync(PortalApp.Password);
            await browser.ScreenshotAsync(traineePage, "trainee-registers");
            await traineePage.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
            await Expect(Status(traineePage)).ToHaveTextAsync(RegisterModel.CheckYourMail);
            await browser.ScreenshotAsync(traineePage, "trainee-asked-to-confirm");

            // 7a. The link in the confirmation mail (the .eml in the pickup folder) confirms the e-mail; then the trainee logs in.
            await traineePage.GotoAsync(app.MailedLink(traineeEmail, "/Account/ConfirmEmail"));
            await Expect(Status(traineePage)).ToHaveTextAsync("邮箱已确认，请登录。");
            await LogInAsync(traineePage, traineeEmail, TraineeName);
            await Expect(Nav(traineePage, "我的报名")).ToBeVisibleAsync();
            await Expect(traineePage.GetByRole(AriaRole.Navigation).GetByText(TraineeName)).ToBeVisibleAsync();
            await browser.ScreenshotAsync(traineePage, "trainee-registered");

            // 8. 研修班报名 → the seminar → 我要报名 → the Annex 3 receipt.
            await Nav(traineePage, "研修班报名").ClickAsync();
            var seminarRow = traineePage.GetByRole(AriaRole.Row).Filter(new() { HasText = project.ProjectNumber });
            await Expect(seminarRow).ToContainTextAsync(FixedVenue);
            await Expect(seminarRow).ToContainTextAsync("45");
            await browser.ScreenshotAsync(traineePage, "trainee-seminar-list");
            await seminarRow.GetByRole(AriaRole.Link, new() { Name = project.Name, Exact = true }).ClickAsync();
            await Expect(traineePage.GetByText("剩余名额 45 个")).ToBeVisibleAsync();
            await browser.ScreenshotAsync(traineePage, "trainee-seminar-details");
            await traineePage.GetByRole(AriaRole.Link, new() { Name = "我要报名", Exact = true }).ClickAsync();
            await Expect(traineePage.GetByRole(AriaRole.Heading, new() { Name = "报名回执" })).ToBeVisibleAsync();
            await Expect(traineePage.GetByLabel("姓名", new() { Exact = true })).ToHaveValueAsync(TraineeName);
            await Expect(traineePage.GetByLabel("电子邮箱")).ToHaveValueAsync(traineeEmail);
            await Ui.FillReceiptAsync(traineePage, TraineeId.Value);
            await browser.ScreenshotAsync(traineePage, "trainee-filled-receipt");
            await traineePage.GetByRole(AriaRole.Button, new() { Name = "提交报名回执" }).ClickAsync();
            await Expect(Status(traineePage)).ToContainTextAsync($"已提交《{project.Name}》的报名回执");
            await Expect(traineePage.GetByRole(AriaRole.Heading, new() { Name = "我的报名" })).ToBeVisibleAsync();
            var myRow = traineePage.GetByRole(AriaRole.Row).Filter(new() { HasText = project.ProjectNumber }).Filter(new() { HasText = TraineeName });
            await Expect(myRow).ToContainTextAsync("待审核");
            await Expect(myRow).ToContainTextAsync(TraineeId.Masked);
            await Expect(myRow).Not.ToContainTextAsync(TraineeId.Value);
            await browser.ScreenshotAsync(traineePage, "trainee-my-enrollments-submitted");

            // 9. The organizer opens the enrollment queue and accepts the receipt; the roster lists the trainee.
            current = organizerPage;
            await Nav(organizerPage, "本单位项目").ClickAsync();
            await Expect(organizerPage.GetByRole(AriaRole.Row).Filter(new() { HasText = project.ProjectNumber })).ToContainTextAsync("报名中");
            await organizerPage.GetByRole(AriaRole.Link, new() { Name = project.Name, Exact = true }).ClickAsync();
            await organizerPage.GetByRole(AriaRole.Link, new() { Name = "报名回执处理", Exact = true }).ClickAsync();
            var receiptRow = organizerPage.GetByRole(AriaRole.Row).Filter(new() { HasText = TraineeName });
            await Expect(receiptRow).ToContainTextAsync("待审核");
            await Expect(organizerPage.GetByText("待审核 1 份")).ToBeVisibleAsync();
            await browser.ScreenshotAsync(organizerPage, "organizer-enrollment-queue");
            await receiptRow.GetByRole(AriaRole.Button, new() { Name = "录取", Exact = true }).ClickAsync();
            await Expect(Status(organizerPage)).ToHaveTextAsync($"已录取{TraineeName}，并列入学员名单（序号 1）。");
            await Expect(receiptRow).ToContainTextAsync("已录取");
            await Expect(receiptRow.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
            await Expect(organizerPage.GetByText("已录取 1 人")).ToBeVisibleAsync();
            await browser.ScreenshotAsync(organizerPage, "organizer-accepted");

            await Nav(organizerPage, "本单位项目").ClickAsync();
            await organizerPage.GetByRole(AriaRole.Link, new() { Name = project.Name, Exact = true }).ClickAsync();
            await organizerPage.GetByRole(AriaRole.Link, new() { Name = "学员名单", Exact = true }).ClickAsync();
            var rosterRow = organizerPage.GetByRole(AriaRole.Row).Filter(new() { HasText = TraineeName });
            await Expect(rosterRow).ToContainTextAsync(TraineeId.Masked);
            await Expect(rosterRow).ToContainTextAsync("济南市农业科学研究院");
            await browser.ScreenshotAsync(organizerPage, "organizer-roster");

            // 10. The trainee's 我的报名 now says 已录取.
            current = traineePage;
            await traineePage.ReloadAsync();
            await Expect(myRow).ToContainTextAsync("已录取");
            await Expect(myRow.GetByRole(AriaRole.Button, new() { Name = "撤回" })).ToHaveCountAsync(0);
            await browser.ScreenshotAsync(traineePage, "trainee-my-enrollments-accepted");
        }
        catch
        {
            await browser.ScreenshotAsync(current, "FAILED");
            foreach (var problem in browser.Problems)
            {
                output.WriteLine(problem);
            }

            throw;
        }

        // No script error, console error or failed request on any page of the journey.
        Assert.Empty(browser.Problems);

        await AssertDatabaseAsync(app, project, traineeEmail);
        output.WriteLine($"journey took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task<PlanProject> SeedPlanAsync(PortalApp app)
    {
        await using var db = app.NewContext();
        var year = TestData.PlanYear(TestData.Today.Year);
        var applicant = TestData.Organization("青岛市农业农村局", "青岛");
        var host = TestData.Organization("济南农业职业学院", "济南");
        var project = TestData.PlanProject(applicant, host, year.Year);
        db.AddRange(year, applicant, host, project);
        await db.SaveChangesAsync();
        return project;
    }

    private static async Task LogInAsync(IPage page, string email, string displayName)
    {
        await page.GotoAsync("/");
        await AssertStylesAndScriptsLoadedAsync(page);
        await Nav(page, "登录").ClickAsync();
        await page.GetByLabel("电子邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(PortalApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Navigation).GetByText(displayName)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Bootstrap's CSS and script and htmx arrived with content (an asset answered as an empty 200 raises no request
    /// error, but leaves an unstyled page without dropdowns).
    /// </summary>
    private static async Task AssertStylesAndScriptsLoadedAsync(IPage page)
    {
        var navbarBackground = await page.GetByRole(AriaRole.Navigation).First
            .EvaluateAsync<string>("nav => getComputedStyle(nav).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", navbarBackground);
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.bootstrap === 'object' && typeof window.htmx === 'object'"),
            "bootstrap.bundle.min.js or htmx.min.js did not load");
    }

    /// <summary>The reviewer's menu: 审核 (a Bootstrap dropdown, so this also proves the bundled script loaded) → 备案审核.</summary>
    private static async Task OpenFilingQueueAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Button, new() { Name = "审核", Exact = true }).ClickAsync();
        await Nav(page, "备案审核").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "备案审核", Level = 1 })).ToBeVisibleAsync();
    }

    private static async Task FillFilingAsync(IPage page)
    {
        await page.GetByLabel("办班地点").FillAsync("济南市历下区培训中心");
        await page.GetByLabel("开始日期").FillAsync(Iso(TestData.SeminarStart));
        await page.GetByLabel("结束日期").FillAsync(Iso(TestData.SeminarEnd));
        await page.GetByLabel("计划学员人数").FillAsync("40");
        await page.GetByLabel("联系人", new() { Exact = true }).FillAsync("王老师");
        await page.GetByLabel("办公电话").FillAsync("0531-88888888");
        await page.GetByLabel("手机号码").FillAsync("13800000000");

        var experts = page.GetByRole(AriaRole.Textbox, new() { Name = "授课专家" });
        var titles = page.GetByRole(AriaRole.Textbox, new() { Name = "职称/职务" });
        var topics = page.GetByRole(AriaRole.Textbox, new() { Name = "授课题目" });
        var hours = page.GetByRole(AriaRole.Spinbutton, new() { Name = "学时数" });
        var addRow = page.GetByRole(AriaRole.Button, new() { Name = "添加一行" });
        var total = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "学时总计" }).GetByRole(AriaRole.Cell).Nth(1);

        // The form opens with one blank row; the in-page script adds the others (no round trip).
        await Expect(experts).ToHaveCountAsync(1);
        await addRow.ClickAsync();
        await addRow.ClickAsync();
        await addRow.ClickAsync();
        await Expect(experts).ToHaveCountAsync(4);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "研修项目备案表" })).ToBeVisibleAsync(); // still the same page

        (string Expert, string Title, string Topic, string Hours)[] rows =
        [
            ("张教授", "教授", "现代农业技术前沿", "8"),
            ("李研究员", "研究员", "乡村治理实践", "8"),
            ("孙主任", "主任医师", "农村公共卫生", "8.5"),
            ("多余的行", "", "", "2"),
        ];
        for (var i = 0; i < rows.Length; i++)
        {
            await experts.Nth(i).FillAsync(rows[i].Expert);
            await titles.Nth(i).FillAsync(rows[i].Title);
            await topics.Nth(i).FillAsync(rows[i].Topic);
            await hours.Nth(i).FillAsync(rows[i].Hours);
        }

        await Expect(total).ToHaveTextAsync("26.5");

        // Remove the fourth row in place: the live total follows.
        var expertRows = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Textbox, new() { Name = "授课专家" }) });
        await expertRows.Nth(3).GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await Expect(experts).ToHaveCountAsync(3);
        await Expect(total).ToHaveTextAsync("24.5");
        await Expect(expertRows.Nth(2).GetByRole(AriaRole.Cell).First).ToHaveTextAsync("3");

        await page.GetByLabel("实施方案").SetInputFilesAsync(new FilePayload { Name = "实施方案.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByLabel("举办通知").SetInputFilesAsync(new FilePayload { Name = "举办通知.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByLabel(new Regex("^本单位承诺")).CheckAsync();
    }

    private static async Task AssertDatabaseAsync(PortalApp app, PlanProject project, string traineeEmail)
    {
        await using var db = app.NewContext();
        var filing = await db.Filings.AsNoTracking().SingleAsync(f => f.PlanProjectId == project.Id);
        Assert.Equal(FilingStatus.Approved, filing.Status);
        Assert.Equal(FixedVenue, filing.Venue);
        Assert.Equal(45, filing.PlannedTraineeCount);
        Assert.Equal((TestData.SeminarStart, TestData.SeminarEnd), (filing.StartDate!.Value, filing.EndDate!.Value));
        Assert.Equal(["张教授", "李研究员", "孙主任"], filing.ExpertSessions.Select(s => s.ExpertName));
        Assert.Equal(24.5m, filing.TotalHours);
        Assert.True(filing.AttestedOfflineAndFree);
        Assert.Equal(
            [
                (FilingStatus.Draft, FilingStatus.Submitted, (string?)null),
                (FilingStatus.Submitted, FilingStatus.Returned, ReturnComment),
                (FilingStatus.Returned, FilingStatus.Submitted, null),
                (FilingStatus.Submitted, FilingStatus.Approved, null),
            ],
            filing.Transitions.Select(t => (t.From, t.To, string.IsNullOrEmpty(t.Comment) ? null : t.Comment)));

        var attachments = await db.StoredFiles.AsNoTracking()
            .Where(f => f.Id == filing.ImplementationPlan!.StoredFileId || f.Id == filing.Notice!.StoredFileId)
            .ToListAsync();
        Assert.Equal(["举办通知.pdf", "实施方案.pdf"], attachments.Select(f => f.FileName).Order());
        Assert.All(attachments, f => Assert.Equal(Pdf, f.Content));

        var trainee = await db.Users.AsNoTracking().SingleAsync(u => u.Email == traineeEmail);
        Assert.Equal(TraineeName, trainee.DisplayName);
        var receipt = await db.EnrollmentReceipts.AsNoTracking().SingleAsync(r => r.PlanProjectId == project.Id);
        Assert.Equal(ReceiptStatus.Accepted, receipt.Status);
        Assert.Equal(trainee.Id, receipt.TraineeUserId);
        Assert.Equal(TraineeId.Value, receipt.IdNumber.Value);
        Assert.Equal((TraineeName, Gender.Female, "济南市农业科学研究院"), (receipt.Form.Name, receipt.Form.Gender, receipt.Form.WorkUnit));

        var entry = await db.RosterEntries.AsNoTracking().SingleAsync(e => e.PlanProjectId == project.Id);
        Assert.Equal((1, TraineeName, receipt.Id, trainee.Id), (entry.Sequence, entry.Name, entry.ReceiptId!.Value, entry.TraineeUserId));
        Assert.Equal(TraineeId.Value, entry.IdNumber.Value);
    }

    private static ILocator Nav(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>The layout's one-off status message (TempData) after a redirect.</summary>
    private static ILocator Status(IPage page) => page.GetByRole(AriaRole.Status);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
