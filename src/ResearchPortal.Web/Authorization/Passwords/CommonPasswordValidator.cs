using Microsoft.AspNetCore.Identity;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Authorization.Passwords;

/// <summary>
/// Refuses a password found on the embedded list of the most common passwords (compared lower-cased, so "Password123"
/// is refused as "password123"). Applies whenever a password is set, never when signing in.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    public const string ErrorCode = "PasswordTooCommon";
    public const string ErrorMessage = "该密码过于常见，很容易被猜中，请换一个。";

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(Load);

    private static bool IsCommon(string password) => CommonPasswords.Value.Contains(password.ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = ErrorMessage })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("ResearchPortal.Web.CommonPasswords")
            ?? throw new InvalidOperationException("The embedded common-password list is missing.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(line);
            }
        }

        return passwords;
    }
}
