using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Data.IdNumbers;
using ResearchPortal.Web.Tests.Builders;
using ResearchPortal.Web.Tests.Web;

namespace ResearchPortal.Web.Tests.Pages.Enrollments;

[Collection(PortalCollections.Seminars)]
public sealed class EnrollmentPagesTests(PortalApp app) : SharedPortalTests
{
    protected override PortalApp Portal => app;

    private static int _serial = 100;

    private IdNumberLookup Lookup => app.Services.GetRequiredService<IdNumberLookup>();

    [Fact]
    public async Task Trainee_enrolls_with_the_receipt_form()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var trainee = await app.CreateUserAsync(PortalRoles.Trainee, displayName: "孙报名");
        using var client = await app.LoginAsync(trainee);
        var id = NextId();
        var url = NewUrl(seminar);

        var form = Text(await client.GetPageAsync(url));
        var response = await client.PostFormAsync(url, Fields("孙报名", id.Value));

        Assert.Contains("value=\"孙报名\"", form);
        Assert.Contains(trainee.Email!, form);
        Assert.Contains("<label class=\"form-label\" for=\"Input_Mobile\">手机号码</label>", form);
        Assert.Contains("name=\"Input.Mobile\"", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Enrollments/Mine", response.Headers.Location?.OriginalString);
        await using var db = app.NewContext();
        var receipt = await Lookup.Matching(db.EnrollmentReceipts, id).SingleAsync();
        Assert.Equal(trainee.Id, receipt.TraineeUserId);
        Assert.Equal(ReceiptStatus.Submitted, receipt.Status);
        Assert.Equal("济南市农业科学研究院", receipt.Form.WorkUnit);
        var stored = await db.Database
            .SqlQueryRaw<string>("SELECT \"IdNumberProtected\" || \"IdNumberHash\" AS \"Value\" FROM \"EnrollmentReceipts\"")
            .ToListAsync();
        Assert.All(stored, row => Assert.DoesNotContain(id.Value, row));
        Assert.Contains(receipt.IdNumber.Masked, Text(await client.GetPageAsync("/Enrollments/Mine")));
    }

    [Fact]
    public async Task Wrong_check_digit_is_refused_and_typed_fields_are_kept()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        using var client = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Trainee));
        var id = NextId().Value;
        var wrong = id[..17] + (id[17] == '0' ? '1' : '0');

        var response = await client.PostFormAsync(NewUrl(seminar), Fields("周校验", wrong));

        var html = await TextOf(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("身份证号校验位不正确，请核对是否有输错的数字。", html);
        Assert.Contains("value=\"周校验\"", html);
        Assert.Contains($"value=\"{wrong}\"", html);
        await using var db = app.NewContext();
        Assert.False(await db.EnrollmentReceipts.AnyAsync(r => r.PlanProjectId == seminar.Project.Id));
    }

    [Fact]
    public async Task Another_accounts_live_receipt_is_answered_neutrally_and_audited()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var id = NextId();
        using var first = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Trainee));
        var secondUser = await app.CreateUserAsync(PortalRoles.Trainee);
        using var second = await app.LoginAsync(secondUser);
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(NewUrl(seminar), Fields("吴重复", id.Value))).StatusCode);

        var response = await second.PostFormAsync(NewUrl(seminar), Fields("吴重复", id.Value));

        var html = await TextOf(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(EnrollmentReceipt.IdNumberUnavailableMessage, html);
        Assert.DoesNotContain("已报名", html);
        await using var db = app.NewContext();
        Assert.Equal(1, await Lookup.Matching(db.EnrollmentReceipts, id).CountAsync());
        Assert.True(await db.AuditEntries.AnyAsync(a =>
            a.Action == AuditActions.EnrollmentIdNumberUnavailable && a.UserId == secondUser.Id && a.PlanProjectId == seminar.Project.Id));
        Assert.False(await db.AccountIdNumbers.AnyAsync(a => a.UserId == secondUser.Id));
    }

    [Fact]
    public async Task The_reviewer_corrects_a_bound_id_number_with_a_reason_and_it_is_audited()
    {
        var first = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var later = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var user = await app.CreateUserAsync(PortalRoles.Trainee);
        using var trainee = await app.LoginAsync(user);
        var mistyped = NextId();
        var corrected = NextId();
        Assert.Equal(HttpStatusCode.Redirect, (await trainee.PostFormAsync(NewUrl(first), Fields("沈更正", mistyped.Value))).StatusCode);
        using var reviewer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Reviewer));
        var page = $"/Admin/AccountIdNumber?id={user.Id}";

        var withoutReason = await reviewer.PostFormAsync(page, new() { ["Input.IdNumber"] = corrected.Value });
        var changed = await reviewer.PostFormAsync(page, new() { ["Input.IdNumber"] = corrected.Value, ["Input.Reason"] = "学员首次报名时输错号码。" });
        var enrolled = await trainee.PostFormAsync(NewUrl(later), Fields("沈更正", corrected.Value));

        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("请填写更正原因。", await TextOf(withoutReason));
        Assert.Contains($"value=\"{corrected.Value}\"", await TextOf(withoutReason));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        await using var db = app.NewContext();
        Assert.Equal(corrected, (await db.AccountIdNumbers.SingleAsync(a => a.UserId == user.Id)).IdNumber);
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.AccountIdNumberChanged && a.Subject.Contains(user.Email!));
        Assert.Equal($"{mistyped.Masked} → {corrected.Masked}；更正原因：学员首次报名时输错号码。", entry.Details);
    }

    [Fact]
    public async Task The_same_account_applying_twice_is_told_so()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var id = NextId();
        using var trainee = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Trainee));
        Assert.Equal(HttpStatusCode.Redirect, (await trainee.PostFormAsync(NewUrl(seminar), Fields("吴本人", id.Value))).StatusCode);

        var response = await trainee.PostFormAsync(NewUrl(seminar), Fields("吴本人", id.Value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("您已报名本项目，不能重复报名。", await TextOf(response));
    }

    [Fact]
    public async Task The_first_receipt_binds_the_account_to_its_id_number_and_later_receipts_must_use_it()
    {
        var first = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var later = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var user = await app.CreateUserAsync(PortalRoles.Trainee);
        using var trainee = await app.LoginAsync(user);
        var own = NextId();
        var someoneElse = NextId();
        Assert.Equal(HttpStatusCode.Redirect, (await trainee.PostFormAsync(NewUrl(first), Fields("蒋本人", own.Value))).StatusCode);

        var refused = await trainee.PostFormAsync(NewUrl(later), Fields("蒋他人", someoneElse.Value));
        var accepted = await trainee.PostFormAsync(NewUrl(later), Fields("蒋本人", own.Value));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await TextOf(refused);
        Assert.Contains($"本账号已绑定身份证号 {own.Masked}，只能为本人报名。", html);
        Assert.Contains($"value=\"{someoneElse.Value}\"", html);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        await using var db = app.NewContext();
        Assert.False(await Lookup.Matching(db.EnrollmentReceipts, someoneElse).AnyAsync());
        Assert.Equal(own, (await db.AccountIdNumbers.SingleAsync(a => a.UserId == user.Id)).IdNumber);
        var stored = await db.Database
            .SqlQueryRaw<string>("SELECT \"IdNumberProtected\" || \"IdNumberHash\" AS \"Value\" FROM \"AccountIdNumbers\"")
            .ToListAsync();
        Assert.All(stored, row => Assert.DoesNotContain(own.Value, row));
    }

    [Fact]
    public async Task Trainee_withdraws_a_pending_receipt()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var trainee = await app.CreateUserAsync(PortalRoles.Trainee);
        var receipt = await SaveReceiptAsync(seminar, trainee.Id, "郑撤回");
        using var client = await app.LoginAsync(trainee);

        var response = await client.PostFormAsync(WithdrawUrl(receipt), [], formPage: "/Enrollments/Mine");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.NewContext();
        Assert.Equal(ReceiptStatus.Withdrawn, (await db.EnrollmentReceipts.SingleAsync(r => r.Id == receipt.Id)).Status);
    }

    [Fact]
    public async Task Trainee_cannot_see_or_withdraw_another_trainees_receipt()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var owner = await app.CreateUserAsync(PortalRoles.Trainee);
        var receipt = await SaveReceiptAsync(seminar, owner.Id, "冯他人");
        using var other = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Trainee));

        var mine = Text(await other.GetPageAsync("/Enrollments/Mine"));
        var withdraw = await other.PostFormAsync(WithdrawUrl(receipt), [], formPage: "/Enrollments/Mine");

        Assert.DoesNotContain("冯他人", mine);
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        await using var db = app.NewContext();
        Assert.Equal(ReceiptStatus.Submitted, (await db.EnrollmentReceipts.SingleAsync(r => r.Id == receipt.Id)).Status);
    }

    [Fact]
    public async Task Organizer_accepts_a_receipt_into_the_roster_and_the_trainee_is_mailed()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var trainee = await app.CreateUserAsync(PortalRoles.Trainee);
        var receipt = await SaveReceiptAsync(seminar, trainee.Id, "陈录取");
        using var organizer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, seminar.Host.Id));

        var response = await organizer.PostFormAsync(
            QueueUrl(seminar, "Accept"), new() { ["Decision.ReceiptId"] = receipt.Id.ToString() }, formPage: QueueUrl(seminar));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.NewContext();
        Assert.Equal(ReceiptStatus.Accepted, (await db.EnrollmentReceipts.SingleAsync(r => r.Id == receipt.Id)).Status);
        var entry = await db.RosterEntries.SingleAsync(e => e.ReceiptId == receipt.Id);
        Assert.Equal(1, entry.Sequence);
        Assert.Equal(trainee.Id, entry.TraineeUserId);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "Enrollment.Accepted" && a.PlanProjectId == seminar.Project.Id));
        var mails = app.MailFiles().Select(File.ReadAllText);
        Assert.Contains(mails, mail => mail.Contains(trainee.Email!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Htmx_accept_answers_with_the_row_and_the_counter_only()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var receipt = await SaveReceiptAsync(seminar, traineeUserId: null, "韩局部");
        using var organizer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, seminar.Host.Id));

        var response = await PostHtmxAsync(organizer, QueueUrl(seminar, "Accept"), receipt.Id, formPage: QueueUrl(seminar));

        var html = await TextOf(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith($"<tr id=\"receipt-{receipt.Id}\">", html.TrimStart());
        Assert.Contains("已录取", html);
        Assert.Contains("已录取韩局部，并列入学员名单（序号 1）。", html);
        Assert.Contains("hx-swap-oob=\"true\"", html);
        Assert.Contains("已录取 <strong>1</strong> 人", html);
        await using var db = app.NewContext();
        Assert.Equal(ReceiptStatus.Accepted, (await db.EnrollmentReceipts.SingleAsync(r => r.Id == receipt.Id)).Status);
        Assert.Equal(1, (await db.RosterEntries.SingleAsync(e => e.ReceiptId == receipt.Id)).Sequence);
    }

    /// <summary>Posts a queue row's form the way htmx does: its fields (with the row form's token) and <c>HX-Request</c>.</summary>
    private static async Task<HttpResponseMessage> PostHtmxAsync(PortalClient client, string url, Guid receiptId, string formPage)
    {
        var page = await client.GetPageAsync(formPage);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success, $"No anti-forgery token on {formPage}.");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Decision.ReceiptId"] = receiptId.ToString(),
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            }),
        };
        request.Headers.Add("HX-Request", "true");
        return await client.Http.SendAsync(request);
    }

    [Fact]
    public async Task Decline_requires_a_reason()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var receipt = await SaveReceiptAsync(seminar, traineeUserId: null, "褚原因");
        using var organizer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, seminar.Host.Id));

        var response = await organizer.PostFormAsync(
            QueueUrl(seminar, "Decline"),
            new() { ["Decision.ReceiptId"] = receipt.Id.ToString(), ["Decision.DecisionReason"] = " " },
            formPage: QueueUrl(seminar));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请填写不予录取的原因。", await TextOf(response));
        await using var db = app.NewContext();
        Assert.Equal(ReceiptStatus.Submitted, (await db.EnrollmentReceipts.SingleAsync(r => r.Id == receipt.Id)).Status);
    }

    [Fact]
    public async Task Queue_warns_when_the_person_is_already_on_the_roster_and_refuses_to_accept_again()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var otherSeminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var id = NextId();
        var onAnotherRoster = NextId();
        var receipt = await SaveReceiptAsync(seminar, traineeUserId: null, "卫名单", id);
        await SaveReceiptAsync(seminar, traineeUserId: null, "卫别班", onAnotherRoster);
        await using (var db = app.NewContext())
        {
            db.RosterEntries.Add(TestData.Ok(Domain.Roster.RosterEntry.Create(
                seminar.Project.Id, 1, "卫名单", Gender.Female, id, "济南市农业科学研究院", null, null)));
            db.RosterEntries.Add(TestData.Ok(Domain.Roster.RosterEntry.Create(
                otherSeminar.Project.Id, 1, "卫别班", Gender.Female, onAnotherRoster, "济南市农业科学研究院", null, null)));
            await db.SaveChangesAsync();
        }

        using var organizer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, seminar.Host.Id));
        var queue = Text(await organizer.GetPageAsync(QueueUrl(seminar)));
        var response = await organizer.PostFormAsync(
            QueueUrl(seminar, "Accept"), new() { ["Decision.ReceiptId"] = receipt.Id.ToString() }, formPage: QueueUrl(seminar));

        // Only this project's roster counts: the person on another seminar's roster is not flagged.
        Assert.Single(Regex.Matches(queue, "已在学员名单中"));
        Assert.Contains(id.Masked, queue);
        Assert.DoesNotContain(id.Value, queue);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("该身份证号的学员已在本项目学员名单中，不能重复录取。", await TextOf(response));
    }

    [Fact]
    public async Task Organizer_of_another_unit_gets_404_on_the_queue()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var receipt = await SaveReceiptAsync(seminar, traineeUserId: null, "蒋越权");
        var elsewhere = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        using var stranger = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, elsewhere.Host.Id));

        var get = await stranger.GetAsync(QueueUrl(seminar));
        var post = await stranger.PostFormAsync(
            QueueUrl(seminar, "Accept"), new() { ["Decision.ReceiptId"] = receipt.Id.ToString() }, formPage: QueueUrl(elsewhere));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await using var db = app.NewContext();
        Assert.Equal(ReceiptStatus.Submitted, (await db.EnrollmentReceipts.SingleAsync(r => r.Id == receipt.Id)).Status);
    }

    [Fact]
    public async Task Host_organizer_records_a_receipt_sent_by_a_unit_and_accepts_it_from_the_queue()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        using var organizer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, seminar.Host.Id));
        var id = NextId();

        var queueBefore = Text(await organizer.GetPageAsync(QueueUrl(seminar)));
        var form = Text(await organizer.GetPageAsync(RecordUrl(seminar)));
        var response = await organizer.PostFormAsync(RecordUrl(seminar), Fields("何代录", id.Value));

        Assert.Contains("代为录入报名回执", queueBefore);
        Assert.Contains($"/Enrollments/Record?projectId={seminar.Project.Id}", queueBefore);
        Assert.Contains("<label class=\"form-label\" for=\"Input_IdNumber\">身份证号</label>", form);
        Assert.Contains("name=\"Input.Mobile\"", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Enrollments/Queue?projectId={seminar.Project.Id}", response.Headers.Location?.OriginalString);
        EnrollmentReceipt receipt;
        await using (var db = app.NewContext())
        {
            receipt = await Lookup.Matching(db.EnrollmentReceipts, id).SingleAsync();
            Assert.Null(receipt.TraineeUserId);
            Assert.Equal(seminar.Project.Id, receipt.PlanProjectId);
            Assert.Equal(ReceiptStatus.Submitted, receipt.Status);
            Assert.Equal("济南市农业科学研究院", receipt.Form.WorkUnit);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "Enrollment.RecordedByHost" && a.PlanProjectId == seminar.Project.Id));
        }

        var queue = Text(await organizer.GetPageAsync(QueueUrl(seminar)));
        Assert.Contains($"id=\"receipt-{receipt.Id}\"", queue);
        Assert.Contains("何代录", queue);
        Assert.Contains("待审核", queue);
        Assert.Contains(id.Masked, queue);

        var accept = await organizer.PostFormAsync(
            QueueUrl(seminar, "Accept"), new() { ["Decision.ReceiptId"] = receipt.Id.ToString() }, formPage: QueueUrl(seminar));

        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        await using var after = app.NewContext();
        Assert.Equal(ReceiptStatus.Accepted, (await after.EnrollmentReceipts.SingleAsync(r => r.Id == receipt.Id)).Status);
        Assert.Null((await after.RosterEntries.SingleAsync(e => e.ReceiptId == receipt.Id)).TraineeUserId);
    }

    [Fact]
    public async Task Host_recording_applies_the_same_duplicate_check_as_the_trainee_form()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var id = NextId();
        using var trainee = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Trainee));
        Assert.Equal(HttpStatusCode.Redirect, (await trainee.PostFormAsync(NewUrl(seminar), Fields("吕重复", id.Value))).StatusCode);
        using var organizer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, seminar.Host.Id));

        var response = await organizer.PostFormAsync(RecordUrl(seminar), Fields("吕重复", id.Value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("该身份证号已报名本项目，不能重复报名。", await TextOf(response));
        await using var db = app.NewContext();
        Assert.Equal(1, await Lookup.Matching(db.EnrollmentReceipts, id).CountAsync());
    }

    [Fact]
    public async Task Host_recording_with_a_wrong_check_digit_is_refused_and_typed_fields_are_kept()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        using var organizer = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, seminar.Host.Id));
        var id = NextId().Value;
        var wrong = id[..17] + (id[17] == '0' ? '1' : '0');

        var response = await organizer.PostFormAsync(RecordUrl(seminar), Fields("施校验", wrong));

        var html = await TextOf(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("身份证号校验位不正确，请核对是否有输错的数字。", html);
        Assert.Contains("value=\"施校验\"", html);
        Assert.Contains($"value=\"{wrong}\"", html);
        Assert.Contains("value=\"济南市农业科学研究院\"", html);
        await using var db = app.NewContext();
        Assert.False(await db.EnrollmentReceipts.AnyAsync(r => r.PlanProjectId == seminar.Project.Id));
    }

    [Fact]
    public async Task Organizer_of_another_unit_gets_404_when_recording_a_receipt()
    {
        var seminar = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        var elsewhere = await ProjectGraph.SaveApprovedAsync(app.NewContext());
        using var stranger = await app.LoginAsync(await app.CreateUserAsync(PortalRoles.Organizer, elsewhere.Host.Id));

        var get = await stranger.GetAsync(RecordUrl(seminar));
        var post = await stranger.PostFormAsync(RecordUrl(seminar), Fields("韩越权", NextId().Value), formPage: RecordUrl(elsewhere));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await using var db = app.NewContext();
        Assert.False(await db.EnrollmentReceipts.AnyAsync(r => r.PlanProjectId == seminar.Project.Id));
    }

    /// <summary>Razor entity-encodes Chinese text; compare against what a reader sees.</summary>
    private static string Text(string html) => WebUtility.HtmlDecode(html);

    private static async Task<string> TextOf(HttpResponseMessage response) => Text(await response.Content.ReadAsStringAsync());

    private static IdNumber NextId() => TestData.IdNumber(Interlocked.Add(ref _serial, 2), Gender.Female);

    private static string NewUrl(ProjectGraph seminar) => $"/Enrollments/New?projectId={seminar.Project.Id}";

    private static string RecordUrl(ProjectGraph seminar) => $"/Enrollments/Record?projectId={seminar.Project.Id}";

    private static string QueueUrl(ProjectGraph seminar, string? handler = null) =>
        $"/Enrollments/Queue?projectId={seminar.Project.Id}" + (handler is null ? string.Empty : $"&handler={handler}");

    private static string WithdrawUrl(EnrollmentReceipt receipt) => $"/Enrollments/Mine?handler=Withdraw&receiptId={receipt.Id}";

    internal static Dictionary<string, string> Fields(string name, string idNumber)
    {
        var form = TestData.Form(name, Gender.Female);
        return new()
        {
            ["Input.Name"] = form.Name,
            ["Input.Gender"] = nameof(Gender.Female),
            ["Input.IdNumber"] = idNumber,
            ["Input.UnitName"] = form.UnitName,
            ["Input.WorkUnit"] = form.WorkUnit,
            ["Input.Mobile"] = form.Mobile,
            ["Input.Email"] = form.Email!,
            ["Input.Ethnicity"] = form.Ethnicity!,
            ["Input.PoliticalStatus"] = form.PoliticalStatus!,
            ["Input.Position"] = form.Position!,
            ["Input.ProfessionalTitle"] = form.ProfessionalTitle!,
            ["Input.TitleCertificateNumber"] = form.TitleCertificateNumber!,
            ["Input.Landline"] = form.Landline!,
            ["Input.QQ"] = form.QQ!,
            ["Input.MailingAddress"] = form.MailingAddress!,
            ["Input.Postcode"] = form.Postcode!,
            ["Input.UnitContact"] = form.UnitContact!,
            ["Input.ContactPhone"] = form.ContactPhone!,
            ["Input.Fax"] = form.Fax!,
            ["Input.Remarks"] = form.Remarks!,
        };
    }

    private async Task<EnrollmentReceipt> SaveReceiptAsync(ProjectGraph seminar, string? traineeUserId, string name, IdNumber? id = null)
    {
        var receipt = TestData.Receipt(seminar.Filing, id ?? NextId(), name, Gender.Female, traineeUserId);
        await using var db = app.NewContext();
        db.EnrollmentReceipts.Add(receipt);
        await db.SaveChangesAsync();
        return receipt;
    }
}
