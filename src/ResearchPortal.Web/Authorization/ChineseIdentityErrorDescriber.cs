using Microsoft.AspNetCore.Identity;

namespace ResearchPortal.Web.Authorization;

/// <summary>Identity's messages in Simplified Chinese.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Describe(nameof(DefaultError), "操作失败，请稍后重试。");

    public override IdentityError ConcurrencyFailure() => Describe(nameof(ConcurrencyFailure), "此记录已被他人修改，请刷新后重试。");

    public override IdentityError PasswordMismatch() => Describe(nameof(PasswordMismatch), "密码不正确。");

    public override IdentityError InvalidToken() => Describe(nameof(InvalidToken), "链接已失效。");

    public override IdentityError InvalidUserName(string? userName) => Describe(nameof(InvalidUserName), $"用户名“{userName}”不合规。");

    public override IdentityError InvalidEmail(string? email) => Describe(nameof(InvalidEmail), $"电子邮箱“{email}”格式不正确。");

    public override IdentityError DuplicateUserName(string userName) => Describe(nameof(DuplicateUserName), $"账号“{userName}”已被注册。");

    public override IdentityError DuplicateEmail(string email) => Describe(nameof(DuplicateEmail), $"电子邮箱“{email}”已被注册。");

    public override IdentityError InvalidRoleName(string? role) => Describe(nameof(InvalidRoleName), $"角色“{role}”无效。");

    public override IdentityError DuplicateRoleName(string role) => Describe(nameof(DuplicateRoleName), $"角色“{role}”已存在。");

    public override IdentityError UserAlreadyHasPassword() => Describe(nameof(UserAlreadyHasPassword), "该账号已设置密码。");

    public override IdentityError UserLockoutNotEnabled() => Describe(nameof(UserLockoutNotEnabled), "该账号未启用锁定。");

    public override IdentityError UserAlreadyInRole(string role) => Describe(nameof(UserAlreadyInRole), $"账号已属于角色“{role}”。");

    public override IdentityError UserNotInRole(string role) => Describe(nameof(UserNotInRole), $"账号不属于角色“{role}”。");

    public override IdentityError PasswordTooShort(int length) => Describe(nameof(PasswordTooShort), $"密码至少 {length} 位。");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Describe(nameof(PasswordRequiresUniqueChars), $"密码至少包含 {uniqueChars} 个不同字符。");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Describe(nameof(PasswordRequiresNonAlphanumeric), "密码须包含至少一个符号（如 @、#、!）。");

    public override IdentityError PasswordRequiresDigit() => Describe(nameof(PasswordRequiresDigit), "密码须包含至少一个数字。");

    public override IdentityError PasswordRequiresLower() => Describe(nameof(PasswordRequiresLower), "密码须包含至少一个小写字母。");

    public override IdentityError PasswordRequiresUpper() => Describe(nameof(PasswordRequiresUpper), "密码须包含至少一个大写字母。");

    private static IdentityError Describe(string code, string description) => new() { Code = code, Description = description };
}
