using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static ResearchPortal.Web.Tests.Browser.Journeys.Ui;

namespace ResearchPortal.Web.Tests.Browser.Journeys;

/// <summary>What follows the seminar (智慧医疗与公共卫生应急高级研修班): outcomes, close-out, spot checks.</summary>
[Collection(DemoPortalCollection.Name)]
public sealed class CloseOutJourneyTests(DemoPortal portal, ITestOutputHelper output)
{
    [Fact]
    public async Task Trainee_submits_outcomes_host_recommends_up_to_the_cap_reviewer_selects_one()
    {
        await using var journey = portal.StartJourney("outcomes");
        var trainee = await portal.PageAsAsync(journey, DemoRole.Trainee);
        var host = await portal.PageAsAsync(journey, DemoRole.Host);
        var reviewer = await portal.PageAsAsync(journey, DemoRole.Reviewer);
        await journey.RunAsync(output, async () =>
        {
            // 32 trainees: at most 20 %, i.e. 6 outcomes, may be recommended. The trainee hands in one more than that.
            const int cap = 6;
            var titles = Enumerable.Range(1, cap + 1).Select(n => $"基层公共卫生应急体系建设研究（第{n}篇）").ToList();
            await trainee.GotoAsync("/");
            await Nav(trainee, "我的报名").ClickAsync();
            await Row(trainee, DemoProjects.Held).Filter(new() { Has = Link(trainee, "提交研修成果") }).GetByRole(AriaRole.Link, new() { Name = "提交研修成果" }).ClickAsync();
            await Expect(Heading(trainee)).ToHaveTextAsync("提交研修成果");
            foreach (var title in titles)
            {
                await trainee.GetByLabel("成果标题").FillAsync(title);
                await trainee.GetByLabel("成果摘要").FillAsync("梳理基层公共卫生应急体系的短板，提出分级响应和物资储备的改进建议。");
                await Button(trainee, "提交成果").ClickAsync();
                await Expect(Status(trainee)).ToHaveTextAsync("研修成果已提交。");
                await Expect(trainee.GetByRole(AriaRole.Listitem).Filter(new() { HasText = title })).ToBeVisibleAsync();
            }

            await journey.ScreenshotAsync(trainee, "outcomes-submitted");

            await OpenProjectAsync(host, DemoProjects.Held);
            await Link(host, "研修成果").ClickAsync();
            var counter = host.Locator("#recommend-counter");
            await Expect(counter).ToHaveTextAsync($"已推荐 0 / 上限 {cap}");
            for (var index = 0; index < cap; index++)
            {
                await Button(Row(host, titles[index]), "推荐").ClickAsync();
                await Expect(counter).ToHaveTextAsync($"已推荐 {index + 1} / 上限 {cap}");
            }

            await Button(Row(host, titles[cap]), "推荐").ClickAsync();
            await Expect(host.Locator(".alert-danger")).ToBeVisibleAsync();
            await Expect(counter).ToHaveTextAsync($"已推荐 {cap} / 上限 {cap}");
            await Expect(Row(host, titles[cap])).ToContainTextAsync("未推荐");
            await journey.ScreenshotAsync(host, "cap-reached");

            await reviewer.GotoAsync("/");
            await MenuAsync(reviewer, "审核", "研修成果评选");
            await Expect(Heading(reviewer)).ToHaveTextAsync("优秀成果评选");
            await Button(Row(reviewer, titles[0]), "评选为优秀成果").ClickAsync();
            await Expect(Status(reviewer)).ToBeVisibleAsync();
            await Expect(Row(reviewer, titles[0])).ToContainTextAsync("已评选");
            await Expect(Button(Row(reviewer, titles[0]), "撤销评选")).ToBeVisibleAsync();
            await journey.ScreenshotAsync(reviewer, "selected");
        });
    }

    [Fact]
    public async Task Host_saves_applicant_scores_host_submits_reviewer_returns_host_resubmits_reviewer_accepts()
    {
        const string comment = "自评报告“绩效目标完成情况”请补充学员满意度数据后重新提交。";
        await using var journey = portal.StartJourney("close-out");
        var host = await portal.PageAsAsync(journey, DemoRole.Host);
        var applicant = await portal.PageAsAsync(journey, DemoRole.Applicant);
        var reviewer = await portal.PageAsAsync(journey, DemoRole.Reviewer);
        await journey.RunAsync(output, async () =>
        {
            // 1. The host fills the self-evaluation and the acceptance form, and saves a draft.
            await OpenProjectAsync(host, DemoProjects.Held);
            await Link(host, "结业材料").ClickAsync();
            await Expect(Heading(host)).ToHaveTextAsync("结业材料");
            var chapters = host.Locator("textarea[name^='Input.Report.']");
            for (var index = 0; index < await chapters.CountAsync(); index++)
            {
                await chapters.Nth(index).FillAsync($"本部分按实施方案如实填写（第 {index + 1} 项）。");
            }

            await host.GetByLabel("负责人").FillAsync("王建国");
            await host.GetByLabel("联系电话").FillAsync("0531-86123456");
            await host.GetByLabel("承办单位评估评分（0–100）").FillAsync("92");
            await host.GetByLabel("研修基本情况及取得的主要效果（500字以内）").FillAsync("研修班按计划完成全部教学内容，学员反映良好。");
            await journey.ScreenshotAsync(host, "close-out-filled");
            await Button(host, "保存草稿").ClickAsync();
            await Expect(Status(host)).ToHaveTextAsync("已保存草稿。");
            await Expect(host.GetByLabel("负责人")).ToHaveValueAsync("王建国");

            // 2. The applicant unit scores the seminar.
            await OpenProjectAsync(applicant, DemoProjects.Held);
            await Link(applicant, "申报单位评分").ClickAsync();
            await applicant.GetByLabel("申报单位验收评分（0–100，70 分合格）").FillAsync("90");
            await Button(applicant, "保存评分").ClickAsync();
            await Expect(Status(applicant)).ToContainTextAsync("已保存申报单位验收评分：90");
            await journey.ScreenshotAsync(applicant, "applicant-scored");

            // 3. The host submits.
            await host.ReloadAsync();
            await Button(host, "提交结业材料").ClickAsync(); // a confirmation, accepted
            await Expect(Status(host)).ToHaveTextAsync("结业材料已提交，等待省人社厅审核。");
            await journey.ScreenshotAsync(host, "submitted");

            // 4. The reviewer returns it with a comment.
            await OpenCloseOutReviewAsync(reviewer);
            await reviewer.GetByLabel("审核意见（退回时必填）").FillAsync(comment);
            await Button(reviewer, "退回修改").ClickAsync();
            await Expect(Status(reviewer)).ToBeVisibleAsync();
            await journey.ScreenshotAsync(reviewer, "returned");

            // 5. The host reads the comment and resubmits.
            await OpenProjectAsync(host, DemoProjects.Held);
            await Expect(host.GetByText($"结业材料被退回，审核意见：{comment}")).ToBeVisibleAsync();
            await Link(host, "结业材料").ClickAsync();
            await Expect(host.Locator(".alert").Filter(new() { HasText = "省人社厅退回意见" })).ToContainTextAsync(comment);
            await host.GetByLabel("研修基本情况及取得的主要效果（500字以内）").FillAsync("研修班按计划完成全部教学内容，学员满意率 100%。");
            await Button(host, "提交结业材料").ClickAsync();
            await Expect(Status(host)).ToHaveTextAsync("结业材料已提交，等待省人社厅审核。");

            // 6. The reviewer accepts.
            await OpenCloseOutReviewAsync(reviewer);
            await Button(reviewer, "验收通过").ClickAsync();
            await Expect(Status(reviewer)).ToBeVisibleAsync();
            await journey.ScreenshotAsync(reviewer, "accepted");
            await OpenProjectAsync(host, DemoProjects.Held, DemoRole.Host);
            await Expect(host.Locator("dt:text-is('结业材料') + dd")).ToContainTextAsync("已验收");
            await journey.ScreenshotAsync(host, "project-closed");
        });
    }

    [Fact]
    public async Task Reviewer_records_a_spot_check()
    {
        const string findings = "现场查看签到表和课程安排，教学组织规范，未发现收费情况。";
        await using var journey = portal.StartJourney("spot-check");
        var reviewer = await portal.PageAsAsync(journey, DemoRole.Reviewer);
        await journey.RunAsync(output, async () =>
        {
            await OpenProjectAsync(reviewer, DemoProjects.Closed, DemoRole.Reviewer);
            await Link(reviewer, "检查抽查").ClickAsync();
            await Expect(Heading(reviewer)).ToContainTextAsync("检查抽查");
            await reviewer.GetByLabel("检查日期").FillAsync(Iso(portal.App.Today.AddDays(-60)));
            await reviewer.GetByLabel("检查人").FillAsync("省人社厅专技处 张检查");
            await reviewer.GetByLabel("检查情况").FillAsync(findings);
            await Button(reviewer, "保存检查记录").ClickAsync();
            await Expect(Status(reviewer)).ToHaveTextAsync("检查抽查记录已保存。");
            await Expect(reviewer.GetByText(findings)).ToBeVisibleAsync();
            await journey.ScreenshotAsync(reviewer, "spot-check-saved");
        });
    }

    private static async Task OpenCloseOutReviewAsync(IPage reviewer)
    {
        await reviewer.GotoAsync("/");
        await MenuAsync(reviewer, "审核", "结业材料审核");
        await Expect(Heading(reviewer)).ToHaveTextAsync("结业材料审核");
        await Row(reviewer, DemoProjects.Held).GetByRole(AriaRole.Link, new() { Name = "审核" }).ClickAsync();
        await Expect(reviewer.GetByLabel("审核意见（退回时必填）")).ToBeVisibleAsync();
    }
}
