using System.Net;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Pages.Filings;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Web;
using static ResearchPortal.Web.Tests.Pages.Filings.FilingScenario;

namespace ResearchPortal.Web.Tests.Pages.Filings;

[Collection(PortalCollections.Projects)]
public sealed class FilingEditTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    [Fact]
    public async Task Organizer_saves_a_draft_then_submits_and_the_reviewer_is_mailed()
    {
        var reviewer = await app.CreateUserAsync(PortalRoles.Reviewer);
        var scenario = await CreateAsync(app);
        using var client = await scenario.LoginHostAsync(app);

        var saved = await client.PostMultipartAsync(
            scenario.EditUrl + "&handler=Save", new() { ["Input.Venue"] = "济南市历下区培训中心" }, [], scenario.EditUrl);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = app.NewContext())
        {
            var draft = await db.Filings.SingleAsync(f => f.PlanProjectId == scenario.Project.Id);
            Assert.Equal((FilingStatus.Draft, "济南市历下区培训中心"), (draft.Status, draft.Venue));
        }

        var token = TokenOf(await client.GetPageAsync(scenario.EditUrl));
        var submitted = await client.PostMultipartAsync(
            scenario.EditUrl + "&handler=Submit", CompleteFields(token), BothAttachments(), scenario.EditUrl);

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.StartsWith("/Filings/Details", submitted.Headers.Location!.OriginalString);
        await using (var db = app.NewContext())
        {
            var filing = await db.Filings.SingleAsync(f => f.PlanProjectId == scenario.Project.Id);
            Assert.Equal(FilingStatus.Submitted, filing.Status);
            Assert.Equal(24.5m, filing.TotalHours);
            Assert.Equal("实施方案.pdf", filing.ImplementationPlan!.FileName);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.PlanProjectId == scenario.Project.Id && a.Action == "Filing.Submitted"));
        }

        Assert.Contains(
            app.MailFiles(),
            path => File.ReadAllText(path).Contains(reviewer.Email!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_path_or_an_over_long_file_name_is_cleaned_and_the_organizer_is_told()
    {
        var scenario = await CreateAsync(app);
        using var client = await scenario.LoginHostAsync(app);
        var longName = new string('长', 300) + ".pdf";

        var saved = await client.PostMultipartAsync(
            scenario.EditUrl + "&handler=Save",
            new() { ["Input.Venue"] = "济南市历下区培训中心" },
            new() { ["Input.ImplementationPlan"] = ("..\\..\\evil.pdf", Pdf), ["Input.Notice"] = (longName, Pdf) },
            scenario.EditUrl);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("已保存为“evil.pdf”", page);
        Assert.Contains($"超过 {StoredFile.FileNameMaxLength} 个字符", page);
        await using var db = app.NewContext();
        var filing = await db.Filings.SingleAsync(f => f.PlanProjectId == scenario.Project.Id);
        Assert.Equal("evil.pdf", filing.ImplementationPlan!.FileName);
        Assert.Equal(StoredFile.FileNameMaxLength, filing.Notice!.FileName.Length);
    }

    [Fact]
    public async Task Late_filing_is_refused_with_the_latest_filing_date_and_the_typing_is_kept()
    {
        var scenario = await CreateAsync(app);
        using var client = await scenario.LoginHostAsync(app);
        var start = TestData.Today.AddDays(7);
        var latest = FilingDeadlines.LatestFilingDate(start, TestData.Calendar).Date;

        var response = await client.PostMultipartAsync(
            scenario.EditUrl + "&handler=Submit",
            CompleteFields(start: start, end: start.AddDays(2), venue: "临沂市兰山区会议中心"),
            BothAttachments(),
            scenario.EditUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Text(await response.Content.ReadAsStringAsync());
        Assert.Contains($"最晚备案日期为{ChineseDate.Format(latest)}，已超过", html);
        Assert.Contains("value=\"临沂市兰山区会议中心\"", html);
        await using var db = app.NewContext();
        Assert.Equal(FilingStatus.Draft, (await db.Filings.SingleAsync(f => f.PlanProjectId == scenario.Project.Id)).Status);
    }

    [Fact]
    public async Task Twenty_nine_planned_trainees_are_refused()
    {
        var scenario = await CreateAsync(app);
        using var client = await scenario.LoginHostAsync(app);

        var response = await client.PostMultipartAsync(
            scenario.EditUrl + "&handler=Submit", CompleteFields(trainees: 29), BothAttachments(), scenario.EditUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("计划学员人数不得少于 30 人。", html);
        Assert.Contains("value=\"29\"", html);
        await using var db = app.NewContext();
        Assert.Equal(FilingStatus.Draft, (await db.Filings.SingleAsync(f => f.PlanProjectId == scenario.Project.Id)).Status);
    }

    [Fact]
    public async Task A_returned_filing_shows_the_comment_and_is_resubmitted_keeping_its_attachments()
    {
        var scenario = await CreateAsync(app, (db, project) =>
        {
            var filing = CompleteDraft(db, project);
            TestData.Ok(filing.Submit(TestData.Organizer, TestData.Now, TestData.Today, TestData.PlanYear(), TestData.Calendar));
            TestData.Ok(filing.Return(TestData.Reviewer, TestData.Now.AddHours(1), "请补充专家职称"));
            return filing;
        });
        using var client = await scenario.LoginHostAsync(app);

        var form = Text(await client.GetPageAsync(scenario.EditUrl));
        Assert.Contains("请补充专家职称", form);
        Assert.Contains("实施方案.pdf", form);

        var response = await client.PostMultipartAsync(
            scenario.EditUrl + "&handler=Submit", CompleteFields(TokenOf(form)), [], scenario.EditUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.NewContext();
        var filing = await db.Filings.SingleAsync(f => f.PlanProjectId == scenario.Project.Id);
        Assert.Equal(FilingStatus.Submitted, filing.Status);
        Assert.Equal(
            [FilingStatus.Submitted, FilingStatus.Returned, FilingStatus.Submitted],
            filing.Transitions.Select(t => t.To));
        Assert.NotNull(filing.Notice);
    }

    [Fact]
    public async Task An_organizer_of_another_unit_gets_404_on_get_and_post()
    {
        var scenario = await CreateAsync(app, CompleteDraft);
        var other = await CreateAsync(app);
        using var client = await LoginOrganizerAsync(app, other.Host.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(scenario.EditUrl)).StatusCode);
        var post = await client.PostMultipartAsync(
            scenario.EditUrl + "&handler=Save", CompleteFields(venue: "不该写入"), [], formPage: "/Projects/Index");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);

        await using var db = app.NewContext();
        Assert.Equal("济南市历下区培训中心", (await db.Filings.SingleAsync(f => f.PlanProjectId == scenario.Project.Id)).Venue);
    }

    [Fact]
    public async Task A_replaced_attachment_leaves_no_orphan_file_behind()
    {
        var scenario = await CreateAsync(app);
        using var client = await scenario.LoginHostAsync(app);
        var first = await client.PostMultipartAsync(scenario.EditUrl + "&handler=Save", CompleteFields(), BothAttachments(), scenario.EditUrl);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        Guid replacedFileId;
        await using (var before = app.NewContext())
        {
            replacedFileId = (await before.Filings.SingleAsync(f => f.PlanProjectId == scenario.Project.Id)).ImplementationPlan!.StoredFileId;
        }

        var token = TokenOf(await client.GetPageAsync(scenario.EditUrl));
        var second = await client.PostMultipartAsync(
            scenario.EditUrl + "&handler=Save",
            CompleteFields(token),
            new() { ["Input.ImplementationPlan"] = ("实施方案（修订）.pdf", Pdf) },
            scenario.EditUrl);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        await using var db = app.NewContext();
        var filing = await db.Filings.SingleAsync(f => f.PlanProjectId == scenario.Project.Id);
        Assert.Equal("实施方案（修订）.pdf", filing.ImplementationPlan!.FileName);
        Assert.True(await db.StoredFiles.AnyAsync(f => f.Id == filing.ImplementationPlan.StoredFileId));
        Assert.True(await db.StoredFiles.AnyAsync(f => f.Id == filing.Notice!.StoredFileId));
        Assert.False(await db.StoredFiles.AnyAsync(f => f.Id == replacedFileId));
    }

    [Fact]
    public async Task A_text_file_renamed_to_pdf_is_refused_and_named_for_a_new_choice_while_the_rest_is_saved()
    {
        var scenario = await CreateAsync(app);
        using var client = await scenario.LoginHostAsync(app);

        var response = await client.PostMultipartAsync(
            scenario.EditUrl + "&handler=Save",
            CompleteFields(),
            new() { ["Input.ImplementationPlan"] = ("实施方案.pdf", "这只是文本"u8.ToArray()) },
            scenario.EditUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("实施方案只能是 PDF、DOC 或 DOCX 文件", html);
        Assert.Contains("所选文件“实施方案.pdf”未保存，请重新选择实施方案文件。", html);
        Assert.Contains(EditModel.PartlySavedNote, html);
        await using var db = app.NewContext();
        var draft = await db.Filings.SingleAsync(f => f.PlanProjectId == scenario.Project.Id);
        Assert.Equal(("济南市历下区培训中心", null), (draft.Venue, draft.ImplementationPlan));
    }

    [Fact]
    public async Task A_failed_submit_shows_format_and_rule_errors_in_one_round_and_keeps_the_valid_part_as_a_draft()
    {
        var scenario = await CreateAsync(app);
        using var client = await scenario.LoginHostAsync(app);
        var fields = CompleteFields(venue: "青岛市市南区会议中心");
        fields["Input.PlannedTraineeCount"] = "四十"; // format: model binding
        fields["Input.Mobile"] = "12345"; // format: domain rule of the field
        fields["Input.AttestedOfflineAndFree"] = "false"; // rule of submission

        var response = await client.PostMultipartAsync(
            scenario.EditUrl + "&handler=Submit",
            fields,
            new() { ["Input.ImplementationPlan"] = ("实施方案.pdf", Pdf) }, // valid, and kept; the notice is missing
            scenario.EditUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Text(await response.Content.ReadAsStringAsync());
        Assert.Contains(EditModel.DraftKeptNote + EditModel.MistypedNotSavedNote, html);
        Assert.Contains("“四十”不是有效的计划学员人数。", html);
        Assert.Contains("手机号码应为以 1 开头的 11 位数字。", html);
        Assert.Contains("请上传研修项目举办通知。", html);
        Assert.Contains("请确认研修采取线下面授方式，且不向学员收取培训费用。", html);
        Assert.DoesNotContain("计划学员人数不得少于", html); // the mistyped field is not also blamed for its stored value
        Assert.Contains("value=\"12345\"", html); // the typing is shown back
        await using var db = app.NewContext();
        var draft = await db.Filings.SingleAsync(f => f.PlanProjectId == scenario.Project.Id);
        Assert.Equal(FilingStatus.Draft, draft.Status);
        Assert.Equal(("青岛市市南区会议中心", null, null), (draft.Venue, draft.Mobile, draft.PlannedTraineeCount));
        Assert.Equal(24.5m, draft.TotalHours);
        Assert.Equal("实施方案.pdf", draft.ImplementationPlan!.FileName);
    }

    [Fact]
    public async Task A_save_from_a_stale_form_shows_the_conflict_keeps_the_input_and_overwrites_nothing()
    {
        var scenario = await CreateAsync(app, CompleteDraft);
        using var client = await scenario.LoginHostAsync(app);
        var staleToken = TokenOf(await client.GetPageAsync(scenario.EditUrl));
        await using (var db = app.NewContext())
        {
            var filing = await db.Filings.SingleAsync(f => f.PlanProjectId == scenario.Project.Id);
            TestData.Ok(filing.UpdateDetails(new FilingDetails(
                "同事改过的地点", TestData.SeminarStart, TestData.SeminarEnd, "王老师", "0531-88888888", "13800000000", 40, TestData.Sessions())));
            await db.SaveChangesAsync();
        }

        var response = await client.PostMultipartAsync(
            scenario.EditUrl + "&handler=Save", CompleteFields(staleToken, venue: "我的修改"), [], scenario.EditUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Text(await response.Content.ReadAsStringAsync());
        Assert.Contains(AggregateSave.ConflictMessage, html);
        Assert.Contains("value=\"我的修改\"", html);
        await using var check = app.NewContext();
        Assert.Equal("同事改过的地点", (await check.Filings.SingleAsync(f => f.PlanProjectId == scenario.Project.Id)).Venue);
    }
}
