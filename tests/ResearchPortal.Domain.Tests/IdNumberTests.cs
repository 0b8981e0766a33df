using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;
using static ResearchPortal.Domain.Tests.TestData;

namespace ResearchPortal.Domain.Tests;

public class IdNumberTests
{
    private static readonly DateOnly Today = D("2024-09-01");

    [Theory]
    [InlineData(Gender.Male)]
    [InlineData(Gender.Female)]
    public void A_real_number_parses_with_birth_date_and_gender(Gender gender)
    {
        var value = IdNumbers.Make("19850315", gender);

        var id = IdNumber.Parse(value, Today).Value;

        Assert.Equal(value, id.Value);
        Assert.Equal(D("1985-03-15"), id.BirthDate);
        Assert.Equal(gender, id.ImpliedGender);
        AssertSuccess(id.MatchesGender(gender));
    }

    [Fact]
    public void A_known_public_sample_number_is_valid() =>
        AssertSuccess(IdNumber.Parse("11010519491231002X", Today));

    [Fact]
    public void Lower_case_x_is_accepted_and_normalized()
    {
        var value = IdNumbers.EndingInX();

        var id = IdNumber.Parse(" " + value.ToLowerInvariant() + " ", Today).Value;

        Assert.Equal(value, id.Value);
        Assert.EndsWith("X", id.Value);
    }

    [Fact]
    public void A_wrong_check_digit_is_refused()
    {
        var value = IdNumbers.Make();
        var wrong = value[..17] + (value[17] == '0' ? '1' : '0');

        AssertSingleError(IdNumber.Parse(wrong, Today), "IdNumber.CheckDigit");
    }

    [Theory]
    [InlineData("19990230")]
    [InlineData("19991301")]
    [InlineData("20230229")]
    public void An_impossible_birth_date_is_refused(string birthDate)
    {
        var result = IdNumber.Parse(IdNumbers.Make(birthDate), Today);

        Assert.Contains(birthDate, AssertSingleError(result, "IdNumber.BirthDateInvalid").Message);
    }

    [Fact]
    public void A_birth_date_after_today_is_refused_and_today_is_allowed()
    {
        AssertSingleError(IdNumber.Parse(IdNumbers.Make("20240902"), Today), "IdNumber.BirthDateInFuture");
        AssertSuccess(IdNumber.Parse(IdNumbers.Make("20240901"), Today));
    }

    [Theory]
    [InlineData("")]
    [InlineData("37010219850315123")]
    [InlineData("3701021985031512345")]
    [InlineData("37010219850315A23X")]
    [InlineData("37010219850315123Y")]
    public void Wrong_length_or_characters_are_refused(string value) =>
        AssertSingleError(IdNumber.Parse(value, Today), "IdNumber.Format");

    [Fact]
    public void A_gender_that_contradicts_the_number_is_refused()
    {
        var id = IdNumbers.Parse(IdNumbers.Make(gender: Gender.Male));

        var error = AssertSingleError(id.MatchesGender(Gender.Female), "IdNumber.GenderMismatch");

        Assert.Equal(nameof(EnrollmentForm.Gender), error.Field);
    }

    [Fact]
    public void Masking_keeps_the_first_six_and_last_four()
    {
        var id = IdNumbers.Parse("11010519491231002X");

        Assert.Equal("110105********002X", id.Masked);
        Assert.Equal(id.Masked, id.ToString());
    }

    [Fact]
    public void Trusted_values_rehydrate_without_a_today_check()
    {
        var id = IdNumber.FromTrusted(IdNumbers.Make("20300101"));

        Assert.Equal(D("2030-01-01"), id.BirthDate);
        Assert.Equal(id, IdNumber.FromTrusted(id.Value));
    }
}
