using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Web.Documents.Forms;
using static ResearchPortal.Web.Tests.Builders.TestData;
using static ResearchPortal.Web.Tests.Documents.Forms.FormSamples;

namespace ResearchPortal.Web.Tests.Documents.Forms;

public class AnnexFormTests
{
    [Fact]
    public void Filing_form_shows_every_field_the_experts_and_the_approval()
    {
        var filing = ApprovedFiling(Project, Year, File(), File("举办通知.pdf"));

        var pages = PageTexts(FilingPdf.Render(filing, Project, Host, showFullPhones: true, Fonts));

        var text = Assert.Single(pages);
        AssertContainsAll(text,
            "山东省专业技术人员知识更新工程", "高级研修项目备案表", "填报时间：2025年6月2日",
            "项目名称", Project.Name, "项目编号", Project.ProjectNumber,
            "办班地点", "济南市历下区培训中心", "办班时间", "2025年9月15日至2025年9月19日",
            "承办单位", Host.Name, "联系人", "王老师", "办公电话", "0531-88888888", "手机", "13800000000",
            "授课专家", "职称/职务", "授课题目", "学时数", "张教授", "教授", "现代农业技术", "12", "李研究员", "乡村治理实践", "12.5",
            "学时总计", "24.5", "备案意见", "同意备案", "(继续教育部门盖章)", "2025年6月2日", "注：备案请附实施方案和开班通知。");
    }

    [Fact]
    public void Filing_form_before_approval_leaves_the_opinion_blank_and_masks_phones_for_other_units()
    {
        var filing = SubmittedFiling(Project, Year, File(), File("举办通知.pdf"));

        var text = Assert.Single(PageTexts(FilingPdf.Render(filing, Project, Host, showFullPhones: false, Fonts)));

        AssertContainsAll(text, "(继续教育部门盖章)年月日", "138****0000");
        Assert.DoesNotContain("同意备案", text);
        Assert.DoesNotContain("13800000000", text);
    }

    [Fact]
    public void Receipt_shows_the_template_grid_with_a_masked_id_number()
    {
        var idNumber = IdNumber(7);
        var receipt = Receipt(ApprovedFiling(Project, Year, File(), File("举办通知.pdf")), idNumber, "刘学员");

        var text = Assert.Single(PageTexts(ReceiptPdf.Render(receipt, Project, Fonts)));

        AssertContainsAll(text,
            "高级研修项目报名回执", "单位名称（盖章）：济南市农业科学研究院", "填表时间：2025年6月2日",
            "姓名", "刘学员", "性别", "女", "民族", "汉族", "政治面貌", "中共党员", "职务", "科长",
            "职称", "高级农艺师", "职称证书编号", "GJ2020001", "固定电话", "0531-66666666", "手机", "13900000000",
            "QQ", "123456", "电子邮箱", "trainee@example.com", "工作单位", "通讯地址", "济南市历下区工业南路1号",
            "邮编", "250000", "联系人", "赵联系人", "联系电话", "0531-77777777", "传真", "0531-77777778",
            "身份证号", idNumber.Masked, "备注");
        Assert.DoesNotContain(idNumber.Value, text);
    }

    [Fact]
    public void All_receipts_of_a_project_come_one_section_each()
    {
        var filing = ApprovedFiling(Project, Year, File(), File("举办通知.pdf"));
        var receipts = Enumerable.Range(1, 3).Select(i => Receipt(filing, IdNumber(i), $"学员{i}")).ToList();

        var pages = PageTexts(ReceiptPdf.Render(receipts, Project, Fonts));

        Assert.Equal(3, pages.Count);
        for (var i = 0; i < 3; i++)
        {
            AssertContainsAll(pages[i], "高级研修项目报名回执", $"学员{i + 1}");
        }
    }

    [Fact]
    public void Roster_has_title_lines_columns_and_full_id_numbers()
    {
        var roster = FormSamples.Roster(3, passedEvery: 2);
        var filing = ApprovedFiling(Project, Year, File(), File("举办通知.pdf"));

        var text = Assert.Single(PageTexts(RosterPdf.Render(Project, Host, filing, roster, SeminarEnd, Fonts)));

        AssertContainsAll(text,
            $"《{Project.Name}》高级研修项目学员名单（项目编号：{Project.ProjectNumber}）",
            $"组织实施部门、单位：{Host.Name}（盖章）", "日期：2025年9月19日",
            "序号姓名性别身份证号工作单位职称联系电话完成学时是否通过结业考核培训证书编号",
            roster[0].IdNumber.Value, roster[1].IdNumber.Value, "学员002", "泰安市农业科学研究院", roster[1].CertificateNumber!,
            "填表人：王老师", $"工作单位、职务：{Host.Name}", "联系电话：0531-88888888");
    }

    [Fact]
    public void Roster_of_500_repeats_the_header_and_numbers_every_page()
    {
        var roster = FormSamples.Roster(500);

        var pages = PageTexts(RosterPdf.Render(Project, Host, filing: null, roster, SeminarEnd, Fonts));

        // Landscape A4, 9 pt, every row on one line: 18 pages, the first shortened by the title lines.
        Assert.Equal(18, pages.Count);
        for (var n = 1; n <= pages.Count; n++)
        {
            AssertContainsAll(pages[n - 1], "序号姓名性别身份证号工作单位职称联系电话完成学时是否通过结业考核培训证书编号", $"第{n}页共{pages.Count}页");
        }

        var all = string.Concat(pages);
        Assert.All(roster, entry => Assert.Contains(entry.IdNumber.Value, all));
        Assert.Contains("填表人：", pages[^1]);
    }

    [Fact]
    public void Self_evaluation_report_has_its_chapters_items_and_text()
    {
        var text = string.Concat(PageTexts(SelfEvaluationPdf.Render(Report() with { OtherMatters = null }, Project, Fonts)));

        AssertContainsAll(text,
            "绩效评价自评报告", $"（{Project.Name}，{Project.ProjectNumber}）",
            "一、项目概况", "（一）项目单位基本情况、项目申报及批复情况", "研修班共开设6个专题。", "（二）项目绩效目标", "提升学员专业能力。",
            "二、项目组织实施情况", "（三）项目党建情况分析", "成立临时党小组，开展政治学习。",
            "三、项目绩效情况", "（一）项目绩效目标完成情况分析", "目标全部完成。",
            "五、其他需要说明的问题", "（一）后续工作计划", "持续跟踪学员成果转化。", "（三）其他无。",
            "六、项目评价工作情况", "问卷满意度98%。", "七、研修主要成果", "形成研修成果6项。");
        Assert.DoesNotContain("四、", text);
    }

    [Fact]
    public void Acceptance_form_shows_both_scores_and_stamp_blocks()
    {
        var closeOut = CompleteCloseOut(Project.Id);

        var text = Assert.Single(PageTexts(AcceptancePdf.Render(closeOut.Acceptance, Project, copies: 1, Fonts)));

        AssertContainsAll(text,
            "执行情况验收表", "项目编号", Project.ProjectNumber, "项目名称", Project.Name, "负责人", "王负责人", "联系电话", "0531-88888888",
            "研修基本情况及取得的主要效果（500字以内）", "研修按计划完成，效果良好。",
            "承办单位评估结果", "评分：88（合格）", "申报单位验收意见", "评分：90（合格）", "(公章)年月日",
            "注：1.此表A4打印，一式三份，承办单位、申报单位各留一份。", "2.评分满分为100分，70分合格。");
        Assert.DoesNotContain("第一联", text);
    }

    [Fact]
    public void Acceptance_form_in_triplicate_has_three_marked_copies()
    {
        var closeOut = CompleteCloseOut(Project.Id);

        var pages = PageTexts(AcceptancePdf.Render(closeOut.Acceptance, Project, copies: 3, Fonts));

        Assert.Equal(3, pages.Count);
        Assert.All(pages, page => AssertContainsAll(page, "执行情况验收表", "评分：90（合格）"));
        Assert.Contains("第一联", pages[0]);
        Assert.Contains("第二联", pages[1]);
        Assert.Contains("第三联", pages[2]);
    }
}
