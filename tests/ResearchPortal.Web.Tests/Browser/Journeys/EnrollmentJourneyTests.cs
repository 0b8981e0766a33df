using Microsoft.Playwright;
using ResearchPortal.Domain.Common;
using ResearchPortal.Web.Data.Demo;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static ResearchPortal.Web.Tests.Browser.Journeys.Ui;

namespace ResearchPortal.Web.Tests.Browser.Journeys;

/// <summary>Enrollment on the demo seminar whose enrollment is open (现代种业创新高级研修班).</summary>
[Collection(DemoPortalCollection.Name)]
public sealed class EnrollmentJourneyTests(DemoPortal portal, ITestOutputHelper output)
{
    /// <summary>Computed 18-digit numbers (valid check character), distinct from the demo data's.</summary>
    private static string IdNumber(int serial) => ChineseIdNumbers.Create(new DateOnly(1991, 3, 1).AddDays(serial), 600 + serial, Gender.Female).Value;

    [Fact]
    public async Task Trainee_enrolls_downloads_the_receipt_and_withdraws_it()
    {
        await using var journey = portal.StartJourney("trainee-enroll-withdraw");
        var trainee = await portal.PageAsAsync(journey, DemoRole.Trainee);
        await journey.RunAsync(output, async () =>
        {
            await trainee.GotoAsync("/");
            await Nav(trainee, "研修班报名").ClickAsync();
            await Link(trainee, DemoProjects.Open).ClickAsync();
            await journey.ScreenshotAsync(trainee, "seminar-details");
            await Link(trainee, "我要报名").ClickAsync();
            await Expect(trainee.GetByLabel("姓名", new() { Exact = true })).ToHaveValueAsync("刘洋");
            await Expect(trainee.GetByText($"本账号已绑定身份证号 {DemoDataSeeder.TraineeIdNumber.Masked}")).ToBeVisibleAsync();
            await FillReceiptAsync(trainee, DemoDataSeeder.TraineeIdNumber.Value); // the account enrolls only its own person
            await journey.ScreenshotAsync(trainee, "receipt-filled");
            await Button(trainee, "提交报名回执").ClickAsync();
            await Expect(Status(trainee)).ToContainTextAsync($"已提交《{DemoProjects.Open}》的报名回执");

            // 我的报名: the new receipt waits for the host; its PDF is the Annex 3 form.
            await Expect(Heading(trainee)).ToHaveTextAsync("我的报名");
            var row = Row(trainee, DemoProjects.Open);
            await Expect(row).ToContainTextAsync("待审核");
            await journey.ScreenshotAsync(trainee, "my-enrollments");
            var pdf = await BrowserSession.DownloadAsync(trainee, row.GetByRole(AriaRole.Link, new() { Name = "回执 PDF" }), "application/pdf");
            Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);

            await Button(row, "撤回").ClickAsync(); // a confirmation, accepted
            await Expect(Status(trainee)).ToHaveTextAsync("报名回执已撤回。");
            await Expect(row).Not.ToContainTextAsync("待审核");
            await Expect(Button(row, "撤回")).ToHaveCountAsync(0);
            await journey.ScreenshotAsync(trainee, "withdrawn");

            // The held seminar: accepted, with the way to hand in an outcome.
            await Expect(Row(trainee, DemoProjects.Held).First).ToContainTextAsync("已录取");
        });
    }

    [Fact]
    public async Task Host_records_two_paper_receipts_then_accepts_one_and_declines_the_other_in_place()
    {
        const string accepted = "孙录取";
        const string declined = "钱婉拒";
        const string reason = "本单位今年已选派同类研修学员，名额让给其他单位。";
        await using var journey = portal.StartJourney("host-enrollment-queue");
        var host = await portal.PageAsAsync(journey, DemoRole.Host);
        await journey.RunAsync(output, async () =>
        {
            await OpenProjectAsync(host, DemoProjects.Open);
            await Link(host, "报名回执处理").ClickAsync();
            await Expect(Heading(host)).ToHaveTextAsync("报名审核");
            await journey.ScreenshotAsync(host, "queue");

            var serial = 10;
            foreach (var name in new[] { accepted, declined })
            {
                await Link(host, "代为录入报名回执").ClickAsync();
                await host.GetByLabel("姓名", new() { Exact = true }).FillAsync(name);
                await FillReceiptAsync(host, IdNumber(serial++));
                await journey.ScreenshotAsync(host, $"record-{serial}");
                await Button(host, "保存报名回执").ClickAsync();
                await Expect(Status(host)).ToHaveTextAsync($"已代为录入{name}的报名回执，状态为“待审核”。");
                await Expect(Row(host, name)).ToContainTextAsync("待审核");
            }

            // The rest of a receipt is read when its details are opened.
            await Row(host, accepted).GetByText("回执详情").ClickAsync();
            await Expect(Row(host, accepted)).ToContainTextAsync("单位联系人：赵联系人　电话：0531-77777777　传真：0531-77777778");

            // Decisions swap the receipt's row (htmx), the page itself stays.
            await MarkDocumentAsync(host);
            var acceptedRow = Row(host, accepted);
            await Button(acceptedRow, "录取").ClickAsync();
            await Expect(acceptedRow).ToContainTextAsync("已录取");
            await Expect(acceptedRow.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

            var declinedRow = Row(host, declined);
            await declinedRow.GetByLabel("不予录取的原因").FillAsync(reason);
            await Button(declinedRow, "不予录取").ClickAsync();
            await Expect(declinedRow).ToContainTextAsync($"原因：{reason}");
            await Expect(declinedRow.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
            await AssertNotReloadedAsync(host);
            await journey.ScreenshotAsync(host, "decided");

            // After a reload the decisions are still there.
            await host.ReloadAsync();
            await Expect(Row(host, accepted)).ToContainTextAsync("已录取");
            await Expect(Row(host, declined)).ToContainTextAsync(reason);
        });
    }

    [Fact]
    public async Task Host_ticks_receipts_and_accepts_or_declines_them_at_once_with_a_summary()
    {
        const string reason = "本期名额已优先安排基层一线人员。";
        string[] accept = ["周批量", "吴批量"];
        const string decline = "郑批量";
        await using var journey = portal.StartJourney("host-bulk-decisions");
        var host = await portal.PageAsAsync(journey, DemoRole.Host);
        await journey.RunAsync(output, async () =>
        {
            await OpenProjectAsync(host, DemoProjects.Open);
            await Link(host, "报名回执处理").ClickAsync();
            var serial = 40;
            foreach (var name in accept.Append(decline))
            {
                await Link(host, "代为录入报名回执").ClickAsync();
                await host.GetByLabel("姓名", new() { Exact = true }).FillAsync(name);
                await FillReceiptAsync(host, IdNumber(serial++));
                await Button(host, "保存报名回执").ClickAsync();
                await Expect(Row(host, name)).ToContainTextAsync("待审核");
            }

            foreach (var name in accept)
            {
                await host.GetByLabel($"选择 {name}").CheckAsync();
            }

            await Button(host, "录取选中").ClickAsync(); // a confirmation, accepted
            await Expect(Status(host)).ToHaveTextAsync("已录取 2 人。");
            foreach (var name in accept)
            {
                await Expect(Row(host, name)).ToContainTextAsync("已录取");
            }

            await journey.ScreenshotAsync(host, "bulk-accepted");

            await host.GetByLabel($"选择 {decline}").CheckAsync();
            await host.GetByLabel("不予录取的原因（选中学员共用）").FillAsync(reason);
            await Button(host, "不予录取选中").ClickAsync();
            await Expect(Status(host)).ToHaveTextAsync("已不予录取 1 人。");
            await Expect(Row(host, decline)).ToContainTextAsync($"原因：{reason}");
            await journey.ScreenshotAsync(host, "bulk-declined");
        });
    }
}
