using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static ResearchPortal.Web.Tests.Browser.Journeys.Ui;

namespace ResearchPortal.Web.Tests.Browser.Journeys;

/// <summary>After the seminar (智慧医疗与公共卫生应急高级研修班, 32 trainees, two of them failed): roster, certificates, files.</summary>
[Collection(DemoPortalCollection.Name)]
public sealed class RosterJourneyTests(DemoPortal portal, ITestOutputHelper output)
{
    private const string Pdf = "application/pdf";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Zip = "application/zip";

    [Fact]
    public async Task Host_sets_hours_for_ticked_rows_saves_a_row_issues_numbers_downloads_every_file_and_anyone_verifies_a_number()
    {
        await using var journey = portal.StartJourney("roster-certificates-downloads");
        var host = await portal.PageAsAsync(journey, DemoRole.Host);
        var trainee = await portal.PageAsAsync(journey, DemoRole.Trainee);
        var visitor = await journey.NewPageAsync(portal.BaseAddress);
        await journey.RunAsync(output, async () =>
        {
            await OpenProjectAsync(host, DemoProjects.Held);
            await Link(host, "学员名单").ClickAsync();
            await Expect(Heading(host)).ToHaveTextAsync("研修学员名单");
            await journey.ScreenshotAsync(host, "roster");

            // Trainee 15 missed sessions and failed, then made them up: the host ticks that row and the next one and sets
            // hours and result for both in one action.
            var row = host.Locator("tbody tr").Nth(14);
            await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("15");
            var name = (await row.Locator("td").Nth(2).InnerTextAsync()).Trim();
            var next = (await host.Locator("tbody tr").Nth(15).Locator("td").Nth(2).InnerTextAsync()).Trim();
            await host.GetByLabel("选择本页全部学员").CheckAsync();
            await Expect(host.GetByLabel($"选择 {next}")).ToBeCheckedAsync();
            await host.GetByLabel("选择本页全部学员").UncheckAsync();
            await Expect(host.GetByLabel($"选择 {next}")).Not.ToBeCheckedAsync();
            await host.GetByLabel($"选择 {name}").CheckAsync();
            await host.GetByLabel($"选择 {next}").CheckAsync();
            await host.GetByLabel("选中学员的完成学时").FillAsync("24");
            await host.GetByLabel("选中学员是否通过结业考核").SelectOptionAsync(new SelectOptionValue { Label = "是" });
            await Button(host, "设置选中学员并保存").ClickAsync();
            await Expect(Status(host)).ToContainTextAsync(name);
            await Expect(host.GetByLabel($"{name} 完成学时")).ToHaveValueAsync("24");
            await Expect(host.GetByLabel($"{name} 是否通过结业考核")).ToHaveValueAsync("true");
            await journey.ScreenshotAsync(host, "rows-set-at-once");

            // Trainee 30 stays failed; the host corrects the hours in the row and saves the roster.
            var thirtieth = (await host.Locator("tbody tr").Nth(29).Locator("td").Nth(2).InnerTextAsync()).Trim();
            await host.GetByLabel($"{thirtieth} 完成学时").FillAsync("10");
            await Button(host, "保存修改").ClickAsync();
            await Expect(Status(host)).ToHaveTextAsync($"已保存 1 名学员的学时与考核结果：{thirtieth}。");
            await Expect(host.GetByLabel($"{thirtieth} 完成学时")).ToHaveValueAsync("10");

            // 发放证书编号: the 31 passed trainees (trainee 30 still failed) get consecutive numbers.
            await host.GetByPlaceholder("起始流水号，如 1").FillAsync("1");
            await Button(host, "发放证书编号").ClickAsync();
            await Expect(Status(host)).ToHaveTextAsync("已为 31 名学员发放证书编号。");
            var firstRow = host.Locator("tbody tr").First;
            await Expect(firstRow).ToContainTextAsync("刘洋");
            var number = (await firstRow.Locator("[data-certificate-number]").InnerTextAsync()).Trim();
            Assert.NotEmpty(number);
            await Expect(host.Locator("tbody tr").Nth(29).Locator("[data-certificate-number]")).ToHaveTextAsync(string.Empty);
            await journey.ScreenshotAsync(host, "certificates-issued");

            await firstRow.GetByRole(AriaRole.Link, new() { Name = "刘洋" }).ClickAsync();
            await Expect(host.GetByText(number)).ToBeVisibleAsync();
            await journey.ScreenshotAsync(host, "roster-person");

            // Every file of the project page's 文书下载 block answers a real file (the import link is a page).
            await OpenProjectAsync(host, DemoProjects.Held);
            var links = host.Locator("h2:text-is('文书下载') + ul a");
            var count = await links.CountAsync();
            Assert.True(count >= 10, $"only {count} links under 文书下载");
            for (var index = 0; index < count; index++)
            {
                var link = links.Nth(index);
                var text = await link.InnerTextAsync();
                if (text.Contains("导入"))
                {
                    continue;
                }

                var type = text.Contains("XLSX") ? Xlsx : text.Contains("ZIP") ? Zip : Pdf;
                var file = await BrowserSession.DownloadAsync(host, link, type);
                Assert.Equal(type == Pdf ? "%PDF"u8.ToArray() : "PK"u8.ToArray(), file[..(type == Pdf ? 4 : 2)]);
                output.WriteLine($"{text}: {file.Length} bytes");
            }

            await host.GetByRole(AriaRole.Link, new() { Name = "导入学员名单（XLSX）" }).ClickAsync();
            await Expect(Heading(host)).ToContainTextAsync("导入");
            await journey.ScreenshotAsync(host, "import-roster");

            // The trainee downloads the certificate from 我的报名.
            await trainee.GotoAsync("/Enrollments/Mine");
            var attendance = Row(trainee, DemoProjects.Held).Filter(new() { Has = Link(trainee, "提交研修成果") });
            await Expect(attendance).ToContainTextAsync(number);
            var certificate = await BrowserSession.DownloadAsync(trainee, attendance.GetByRole(AriaRole.Link, new() { Name = "下载证书" }), Pdf);
            Assert.Equal("%PDF"u8.ToArray(), certificate[..4]);

            // Anyone verifies the number on the public page.
            await visitor.GotoAsync("/");
            await Nav(visitor, "证书查验").ClickAsync();
            await VerifyAsync(visitor, number, "刘洋");
            await Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("证书有效");
            await Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync(DemoProjects.Held);
            await journey.ScreenshotAsync(visitor, "verified");

            // The host revokes the second trainee's number with a reason (confirmed); the public page then says 已撤销,
            // also when the number is typed in lower case between spaces.
            await OpenProjectAsync(host, DemoProjects.Held);
            await Link(host, "学员名单").ClickAsync();
            var secondRow = host.Locator("tbody tr").Nth(1);
            var secondName = (await secondRow.Locator("td").Nth(2).InnerTextAsync()).Trim();
            var revokedNumber = (await secondRow.Locator("[data-certificate-number]").InnerTextAsync()).Trim();
            Assert.NotEmpty(revokedNumber);
            await secondRow.GetByText("撤销编号").ClickAsync(); // the form is fetched when opened
            await Expect(secondRow).ToContainTextAsync($"撤销 {secondName} 的证书编号 {revokedNumber}");
            await secondRow.GetByLabel($"{secondName} 撤销原因").FillAsync("身份信息登记有误，证书收回重新核发。");
            await Button(secondRow, "撤销证书").ClickAsync();
            await Expect(Status(host)).ToHaveTextAsync($"已撤销 {secondName} 的证书编号 {revokedNumber}。");
            Assert.Contains(journey.Dialogs, text => text.Contains("撤销后不可恢复", StringComparison.Ordinal));
            await journey.ScreenshotAsync(host, "certificate-revoked");

            await visitor.GotoAsync("/Verify");
            await VerifyAsync(visitor, $"  {revokedNumber.ToLowerInvariant()} ", secondName);
            await Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("已撤销");
            await Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync(new Regex(@"已于 ?\d{4}年\d{1,2}月\d{1,2}日"));
            await journey.ScreenshotAsync(visitor, "verified-revoked");
        });
    }

    [Fact]
    public async Task Host_adds_class_committee_and_party_group_members_and_an_activity_then_removes_the_activity()
    {
        const string summary = "组织学员集体学习公共卫生应急管理相关法规。";
        await using var journey = portal.StartJourney("class-committee-party-group");
        var host = await portal.PageAsAsync(journey, DemoRole.Host);
        await journey.RunAsync(output, async () =>
        {
            await OpenProjectAsync(host, DemoProjects.Held);
            await Link(host, "班委与临时党小组").ClickAsync();
            await Expect(Heading(host)).ToHaveTextAsync("班委与临时党小组");

            (string Body, string Name, string Role)[] members = [("班委", "刘洋", "班长"), ("临时党小组", "王芳", "党小组组长")];
            foreach (var (body, name, role) in members)
            {
                await host.GetByLabel("所属组织").SelectOptionAsync(new SelectOptionValue { Label = body });
                await host.GetByLabel("姓名").FillAsync(name);
                await host.GetByLabel("职务").FillAsync(role);
                await host.GetByLabel("对应学员").SelectOptionAsync(new SelectOptionValue { Index = 1 });
                await Button(host, "添加成员").ClickAsync();
                await Expect(Status(host)).ToBeVisibleAsync();
                await Expect(Row(host, role)).ToContainTextAsync(name);
            }

            await journey.ScreenshotAsync(host, "members-added");

            var seminarDay = portal.App.Today.AddDays(-12);
            await host.GetByLabel("活动日期").FillAsync(Iso(seminarDay));
            await host.GetByLabel("活动类型", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "政治学习" });
            await host.GetByLabel("活动概要").FillAsync(summary);
            await Button(host, "登记活动").ClickAsync();
            await Expect(Status(host)).ToBeVisibleAsync();
            var activity = Row(host, summary);
            await Expect(activity).ToContainTextAsync("政治学习");
            await journey.ScreenshotAsync(host, "activity-added");

            await Button(activity, "删除").ClickAsync(); // a confirmation, accepted
            await Expect(Status(host)).ToBeVisibleAsync();
            await Expect(activity).ToHaveCountAsync(0);
            await journey.ScreenshotAsync(host, "activity-removed");
        });
    }

    /// <summary>Fills the public verification form as a citizen would and looks the number up.</summary>
    private static async Task VerifyAsync(IPage visitor, string number, string holder)
    {
        await visitor.GetByLabel("证书编号").FillAsync(number);
        await visitor.GetByLabel("持证人姓名").FillAsync(holder);
        await Button(visitor, "查验").ClickAsync();
    }
}
