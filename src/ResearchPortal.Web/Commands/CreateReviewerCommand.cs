using Microsoft.AspNetCore.Identity;
using ResearchPortal.Web.Data;

namespace ResearchPortal.Web.Commands;

/// <summary>
/// <c>dotnet ResearchPortal.Web.dll create-reviewer &lt;email&gt; &lt;name&gt;</c>: creates the first reviewer of a
/// production deployment, which has no demo accounts and no default password. The password comes from the
/// environment variable <c>PORTAL_REVIEWER_PASSWORD</c> or, failing that, the first line of standard input.
/// </summary>
public static class CreateReviewerCommand
{
    public const string Name = "create-reviewer";
    public const string PasswordVariable = "PORTAL_REVIEWER_PASSWORD";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Name;

    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output)
    {
        if (args.Length != 3)
        {
            await output.WriteLineAsync($"用法：{Name} <email> <显示名称>（密码取自环境变量 {PasswordVariable} 或标准输入的第一行）");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? await input.ReadLineAsync();
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync($"未提供密码：请设置 {PasswordVariable} 或从标准输入传入。");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = args[1].Trim();
        var reviewer = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = args[2].Trim() };
        var created = await users.CreateAsync(reviewer, password);
        var result = created.Succeeded ? await users.AddToRoleAsync(reviewer, PortalRoles.Reviewer) : created;
        if (!result.Succeeded)
        {
            await output.WriteLineAsync("未能创建审核员：" + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        await output.WriteLineAsync($"已创建审核员 {email}（{reviewer.DisplayName}）。");
        return 0;
    }
}
