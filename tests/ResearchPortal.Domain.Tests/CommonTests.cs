using ResearchPortal.Domain.Common;
using static ResearchPortal.Domain.Tests.TestData;

namespace ResearchPortal.Domain.Tests;

public class CommonTests
{
    [Theory]
    [InlineData("2024-10-14", "2024-10-14", 1)]
    [InlineData("2024-10-14", "2024-10-16", 3)]
    [InlineData("2024-02-27", "2024-03-02", 5)]
    public void DateRange_counts_calendar_days_including_both_ends(string start, string end, int days) =>
        Assert.Equal(days, DateRange.Create(D(start), D(end)).Value.Days);

    [Fact]
    public void DateRange_refuses_end_before_start() =>
        AssertSingleError(DateRange.Create(D("2024-10-14"), D("2024-10-13")), "DateRange.EndBeforeStart");

    [Theory]
    [InlineData("1999-12-31", "2000-01-02", "DateRange.StartOutOfRange")]
    [InlineData("2100-12-30", "2101-01-01", "DateRange.EndOutOfRange")]
    [InlineData("0001-01-03", "0001-01-05", "DateRange.StartOutOfRange", "DateRange.EndOutOfRange")]
    public void DateRange_refuses_dates_outside_2000_to_2100(string start, string end, params string[] codes) =>
        Assert.Equal(codes, DateRange.Create(D(start), D(end)).Errors.Select(e => e.Code));

    [Theory]
    [InlineData("2000-01-01", "2000-01-03")]
    [InlineData("2100-12-29", "2100-12-31")]
    public void DateRange_accepts_the_first_and_last_plausible_days(string start, string end) =>
        Assert.True(DateRange.Create(D(start), D(end)).IsSuccess);

    [Fact]
    public void StoredFile_refuses_empty_content_and_missing_name()
    {
        var result = StoredFile.Create(" ", "application/pdf", [], Now);

        Assert.Equal([nameof(StoredFile.FileName), nameof(StoredFile.Content)], Fields(result));
    }

    [Theory]
    [InlineData("..\\..\\evil.pdf", "evil.pdf")]
    [InlineData("../../etc/方案.pdf", "方案.pdf")]
    [InlineData("通\u0000知\u001F<1>.pdf", "通知1.pdf")]
    [InlineData("  ..hidden.docx ", "hidden.docx")]
    public void StoredFile_names_lose_paths_and_control_characters(string given, string stored) =>
        Assert.Equal(stored, StoredFile.Create(given, "application/pdf", [1], Now).Value.FileName);

    [Fact]
    public void StoredFile_names_over_the_limit_are_shortened_keeping_the_extension()
    {
        var stored = StoredFile.Create(new string('长', 300) + ".pdf", "application/pdf", [1], Now).Value.FileName;

        Assert.Equal(StoredFile.FileNameMaxLength, stored.Length);
        Assert.EndsWith("长.pdf", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void StoredFile_keeps_content_and_length()
    {
        var file = StoredFile.Create("方案.pdf", "application/pdf", [1, 2, 3], Now).Value;

        Assert.Equal(3, file.Length);
        Assert.Equal("方案.pdf", file.FileName);
        Assert.Equal(Now, file.UploadedAt);
    }

    [Fact]
    public void Attachment_info_copies_the_stored_file_metadata()
    {
        var file = StoredFile.Create("举办通知.pdf", "application/pdf", [1, 2], Now).Value;

        Assert.Equal(new Filings.AttachmentInfo(file.Id, "举办通知.pdf", "application/pdf", 2), Filings.AttachmentInfo.For(file));
    }

    [Fact]
    public void Failed_result_has_no_value() =>
        Assert.Throws<InvalidOperationException>(() => Result.Failure<int>(new Error("X", "错误")).Value);

    [Theory]
    [InlineData(Gender.Male, "男")]
    [InlineData(Gender.Female, "女")]
    public void Gender_has_a_chinese_label(Gender gender, string label) => Assert.Equal(label, gender.ToChinese());

    [Fact]
    public void Chinese_date_has_no_leading_zeros() => Assert.Equal("2024年9月5日", ChineseDate.Format(D("2024-09-05")));
}
