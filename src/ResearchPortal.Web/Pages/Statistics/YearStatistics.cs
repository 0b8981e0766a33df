using Microsoft.EntityFrameworkCore;
using ResearchPortal.Domain.CloseOuts;
using ResearchPortal.Domain.Enrollment;
using ResearchPortal.Domain.Filings;
using ResearchPortal.Domain.Projects;
using ResearchPortal.Domain.Rules;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Pages.Statistics;

/// <summary>
/// The figures of one plan year, counted in SQL: every table is one grouped query (or, for the deadlines, the few
/// date columns and the transitions per project, judged by the domain's deadline rules), so the page runs the same
/// number of commands whatever the volume.
/// </summary>
public sealed class YearStatistics(PortalDbContext db, CalendarService calendars)
{
    private const string NoTitle = "未填写";

    /// <param name="wholeProvince">False limits every figure to the projects <paramref name="organizationId"/> hosts or
    /// applies for, and to their trainees and outcomes.</param>
    public async Task<IReadOnlyList<FigureTable>> CountAsync(int year, Guid? organizationId, bool wholeProvince, DateOnly today)
    {
        var items = db.ProjectListItems().Where(p => p.Year == year);
        var projects = db.PlanProjects.Where(p => p.Year == year);
        if (!wholeProvince)
        {
            items = items.Where(p => p.HostOrganizationId == organizationId || p.ApplicantOrganizationId == organizationId);
            projects = projects.Where(p => p.HostOrganizationId == organizationId || p.ApplicantOrganizationId == organizationId);
        }

        var cities = from project in projects
                     join host in db.Organizations on project.HostOrganizationId equals host.Id
                     select new { project.Id, host.City };

        var byStatus = await items.GroupBy(ProjectListQueries.StatusOn(today))
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Status, g => g.Count);
        var byCity = await items.GroupBy(p => p.HostCity).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var byField = await items.GroupBy(p => p.Field).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();

        // The transitions (JSON columns) give the first submission day, which decides timeliness; no tracking, as
        // EF Core projects JSON collections without their owner only so.
        var deadlines = await (
            from project in projects
            join filing in db.Filings on project.Id equals filing.PlanProjectId
            where filing.Dates != null
            join closeOut in db.CloseOuts on project.Id equals closeOut.PlanProjectId into closeOuts
            from closeOut in closeOuts.DefaultIfEmpty()
            select new DeadlineFacts(
                filing.Dates!.Start, filing.Dates.End, filing.Status, filing.Transitions,
                closeOut == null ? null : closeOut.DueDate, closeOut == null ? null : closeOut.Transitions)).AsNoTracking().ToListAsync();
        var calendar = await calendars.LoadAsync();

        var receipts = await (
            from receipt in db.EnrollmentReceipts
            where receipt.Status == ReceiptStatus.Accepted
            join project in cities on receipt.PlanProjectId equals project.Id
            group receipt by new { project.City, Title = receipt.Form.ProfessionalTitle } into g
            select new TraineeCount(g.Key.City, g.Key.Title, false, g.Count())).ToListAsync();
        var roster = await (
            from entry in db.RosterEntries
            join project in cities on entry.PlanProjectId equals project.Id
            group entry by new { project.City, Title = entry.ProfessionalTitle, entry.Passed } into g
            select new TraineeCount(g.Key.City, g.Key.Title, g.Key.Passed, g.Count())).ToListAsync();

        var handedIn = from closeOut in db.CloseOuts
                       where closeOut.Status == CloseOutStatus.Submitted || closeOut.Status == CloseOutStatus.Accepted
                       join project in projects on closeOut.PlanProjectId equals project.Id
                       select closeOut.Acceptance;
        var hostScores = await handedIn.Where(a => a.HostScore != null).GroupBy(a => a.HostScore)
            .Select(g => new ScoreCount(g.Key!, g.Count())).ToListAsync();
        var applicantScores = await handedIn.Where(a => a.ApplicantScore != null).GroupBy(a => a.ApplicantScore)
            .Select(g => new ScoreCount(g.Key!, g.Count())).ToListAsync();

        var outcomes = await (
            from outcome in db.ResearchOutcomes
            join project in cities on outcome.PlanProjectId equals project.Id
            group outcome by new { project.City, outcome.IsRecommended, outcome.IsSelected } into g
            select new { g.Key.City, g.Key.IsRecommended, g.Key.IsSelected, Count = g.Count() }).ToListAsync();

        return
        [
            FigureTable.Counts(
                "status", "项目状态", "状态", ["项目数"],
                Enum.GetValues<ProjectStatus>().Select(status => Row(status.ToChinese(), byStatus.GetValueOrDefault(status))),
                ChartKind.Doughnut),
            FigureTable.Counts(
                "city", "项目按城市", "城市", ["项目数"],
                byCity.OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => Row(g.Key, g.Count)),
                ChartKind.Bar, "按承办单位所在市统计。"),
            FigureTable.Counts(
                "field", "项目按专业领域", "专业领域", ["项目数"],
                byField.OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => Row(g.Key, g.Count)),
                ChartKind.Bar),
            DeadlineTable(deadlines, today, calendar),
            TraineeTable("trainees-city", "学员按城市", "城市", receipts, roster, t => t.City, "按承办单位所在市统计；录取学员为已录取的报名回执，名册学员为学员名单中的人数。"),
            TraineeTable("trainees-title", "学员按职称", "职称", receipts, roster, t => t.Title ?? NoTitle, "职称取自报名回执和学员名单。"),
            ScoreTable(hostScores, applicantScores),
            FigureTable.Counts(
                "outcomes", "研修成果", "城市", ["提交", "推荐", "入选"],
                outcomes.GroupBy(o => o.City).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Row(
                    g.Key, g.Sum(o => o.Count), g.Where(o => o.IsRecommended).Sum(o => o.Count), g.Where(o => o.IsSelected).Sum(o => o.Count))),
                ChartKind.Bar, "按承办单位所在市统计；推荐由承办单位作出，入选由省厅评定。"),
        ];
    }

    /// <summary>The plan years to choose from, latest first.</summary>
    public Task<List<int>> YearsAsync() => db.PlanYears.Select(y => y.Year).OrderByDescending(y => y).ToListAsync();

    private static FigureRow Row(string label, params int[] values) => new(label, [.. values.Select(v => (decimal?)v)]);

    private static FigureTable DeadlineTable(IReadOnlyList<DeadlineFacts> projects, DateOnly today, Domain.Calendar.WorkingDayCalendar calendar)
    {
        var filings = projects.Select(p => FilingDeadlines.Timeliness(p.Start, Filing.FirstSubmissionDay(p.FilingTransitions), today, calendar)).ToList();

        // Only classes that took place (approved filing) and are over owe a close-out.
        var closeOuts = projects.Where(p => p.FilingStatus == FilingStatus.Approved && p.End < today)
            .Select(p => CloseOutDeadlines.Timeliness(
                p.End, p.CloseOutTransitions is { } transitions ? CloseOut.FirstSubmissionDay(transitions) : null, p.CloseOutDueDate, today, calendar)).ToList();
        IEnumerable<FigureRow> rows =
        [
            Row("备案", [.. TimelinessRule.All.Select(t => filings.Count(f => f == t))]),
            Row("结业材料", [.. TimelinessRule.All.Select(t => closeOuts.Count(c => c == t))]),
        ];
        return new FigureTable(
            "deadlines", "备案与结业材料时限", "事项", [.. TimelinessRule.All.Select(t => t.ToChinese())], [.. rows], ChartKind.StackedBar,
            $"备案须在开班前 {SeminarRules.FilingLeadWorkingDays} 个工作日提交，结业材料须在研修结束后 {SeminarRules.CloseOutWorkingDays} 个工作日内提交（按工作日历计算）。"
            + "备案只计已填写办班时间的项目，结业材料只计备案通过且已结束的项目；均按首次提交日期计，被退回的不影响。");
    }

    private static FigureTable TraineeTable(
        string key, string caption, string labelHeader, IReadOnlyList<TraineeCount> receipts, IReadOnlyList<TraineeCount> roster,
        Func<TraineeCount, string> labelOf, string note)
    {
        var labels = receipts.Concat(roster).Select(labelOf).Distinct().ToList();
        var rows = labels.Select(label => Row(
                label,
                receipts.Where(t => labelOf(t) == label).Sum(t => t.Count),
                roster.Where(t => labelOf(t) == label).Sum(t => t.Count),
                roster.Where(t => t.Passed && labelOf(t) == label).Sum(t => t.Count)))
            .OrderByDescending(row => row.Values[1]).ThenByDescending(row => row.Values[0]).ThenBy(row => row.Label, StringComparer.Ordinal);
        return FigureTable.Counts(key, caption, labelHeader, ["录取学员", "名册学员", "结业合格"], rows, ChartKind.Bar, note);
    }

    private static FigureTable ScoreTable(IReadOnlyList<ScoreCount> host, IReadOnlyList<ScoreCount> applicant)
    {
        static FigureRow Summary(string label, IReadOnlyList<ScoreCount> scores)
        {
            var count = scores.Sum(s => s.Count);
            return new FigureRow(label,
            [
                count,
                count == 0 ? null : Math.Round((decimal)scores.Sum(s => s.Score.Value * s.Count) / count, 1),
                count == 0 ? null : scores.Min(s => s.Score.Value),
                count == 0 ? null : scores.Max(s => s.Score.Value),
                scores.Where(s => !s.Score.IsPass).Sum(s => s.Count),
            ]);
        }

        return new FigureTable(
            "scores", "承办单位与申报单位评分", "评分", ["份数", "平均分", "最低分", "最高分", $"不合格（低于 {SeminarRules.PassingScore} 分）"],
            [Summary("承办单位评估", host), Summary("申报单位验收", applicant)], ChartKind.Bar,
            $"已提交的结业材料中的评分，满分 {SeminarRules.MaxScore} 分，{SeminarRules.PassingScore} 分合格。", ChartSeries: [1, 2, 3]);
    }

    private sealed record DeadlineFacts(
        DateOnly Start,
        DateOnly End,
        FilingStatus FilingStatus,
        IReadOnlyList<FilingTransition> FilingTransitions,
        DateOnly? CloseOutDueDate,
        IReadOnlyList<CloseOutTransition>? CloseOutTransitions);

    private sealed record TraineeCount(string City, string? Title, bool Passed, int Count);

    private sealed record ScoreCount(Score Score, int Count);
}
