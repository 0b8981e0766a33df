using System.Globalization;
using ResearchPortal.Domain.Common;
using ResearchPortal.Domain.Enrollment;

namespace ResearchPortal.Web.Data.Demo;

/// <summary>Makes valid resident ID numbers for demo and test people: a real birth date, the gender's parity in the
/// 17th digit and the MOD 11-2 check character. Area code 370102 is 济南市历下区.</summary>
public static class ChineseIdNumbers
{
    public static IdNumber Create(DateOnly birthDate, int serial, Gender gender, string areaCode = "370102")
    {
        // Two-digit serial then the parity digit: odd for men, even for women.
        var parityDigit = (serial % 5 * 2) + (gender == Gender.Male ? 1 : 0);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{areaCode}{birthDate:yyyyMMdd}{serial % 100:D2}{parityDigit}");
        return IdNumber.Parse(first17 + IdNumber.CheckCharacter(first17), birthDate).Value;
    }
}
