using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Infrastructure.Listing;

namespace ResearchPortal.Web.Pages.Admin;

/// <summary>
/// 账号管理: the accounts with role and unit, searched, filtered by role, sorted and paged in SQL; create organizer
/// and reviewer accounts; disable / enable.
/// </summary>
[Authorize(Policy = PortalPolicies.Reviewer)]
public sealed class AccountsModel(PortalDbContext db, UserManager<PortalUser> users, AuditLog audit) : ListPageModel
{
    private static readonly SortOrder<AccountRow> Sorting = new SortOrder<AccountRow>("role", row => row.Id)
        .By("role", row => row.Role, row => row.Email)
        .By("name", row => row.DisplayName)
        .By("email", row => row.Email)
        .By("unit", row => row.OrganizationName)
        .By("status", row => row.IsDisabled);

    [BindProperty]
    public NewAccountInput Input { get; set; } = new();

    /// <summary>Reviewer, Organizer or Trainee; null for every role.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    public PagedList<AccountRow> Accounts { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Organizations { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (Input.Role == PortalRoles.Organizer && Input.OrganizationId is null)
        {
            ModelState.AddModelError("Input.OrganizationId", "组织者账号须选择所属单位。");
        }
        else if (Input.OrganizationId is { } organizationId && !await db.Organizations.AnyAsync(o => o.Id == organizationId))
        {
            ModelState.AddModelError("Input.OrganizationId", "所选单位不存在。");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var email = Input.Email!.Trim();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            DisplayName = Input.DisplayName!.Trim(),
            OrganizationId = Input.Role == PortalRoles.Organizer ? Input.OrganizationId : null,
        };

        // User, role and audit entry together or not at all: an account without a role would be a dead end.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, Input.Password!);
        var result = created.Succeeded ? await users.AddToRoleAsync(user, Input.Role!) : created;
        // The reviewer knows this password: its owner replaces it at the first log-in.
        result = result.Succeeded ? await PasswordChangeRequired.MarkAsync(users, user) : result;
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", error.Description);
            }

            await LoadAsync();
            return Page();
        }

        audit.Record(User.ToActor(), AuditActions.AccountCreated, AuditSubjects.Account(user.DisplayName, email), details: RoleName(Input.Role!));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        TempData["StatusMessage"] = $"已创建{RoleName(Input.Role!)}账号 {email}。";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostDisableAsync(string id) => SetDisabledAsync(id, disabled: true);

    public Task<IActionResult> OnPostEnableAsync(string id) => SetDisabledAsync(id, disabled: false);

    public static string RoleName(string role) => role switch
    {
        PortalRoles.Reviewer => "审核员",
        PortalRoles.Organizer => "组织者",
        PortalRoles.Trainee => "学员",
        _ => role,
    };

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (disabled && user.Id == User.GetUserId())
        {
            ModelState.AddModelError(string.Empty, "不能停用自己的账号。");
            await LoadAsync();
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        user.IsDisabled = disabled;
        // A new security stamp invalidates the cookies already issued, so a disabled user's sessions end.
        await users.UpdateSecurityStampAsync(user);
        audit.Record(User.ToActor(), disabled ? AuditActions.AccountDisabled : AuditActions.AccountEnabled, AuditSubjects.Account(user.DisplayName, user.Email));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        TempData["StatusMessage"] = $"账号 {user.Email} 已{(disabled ? "停用" : "启用")}。";
        return Redirect(ListUrl.With(Request, ("handler", null), ("id", null)));
    }

    private async Task LoadAsync()
    {
        Organizations = await db.Organizations.AsNoTracking()
            .OrderBy(o => o.City).ThenBy(o => o.Name)
            .Select(o => new SelectListItem($"{o.Name}（{o.City}）", o.Id.ToString()))
            .ToListAsync();
        var search = SearchLower;
        var accounts =
            from user in db.Users.AsNoTracking()
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            join organization in db.Organizations on user.OrganizationId equals organization.Id into units
            from organization in units.DefaultIfEmpty()
            where Role == null || Role == string.Empty || role.Name == Role
            where search == null || user.DisplayName.ToLower().Contains(search) || (user.Email != null && user.Email!.ToLower().Contains(search))
                || (organization != null && organization.Name.ToLower().Contains(search))
            select new AccountRow
            {
                Id = user.Id,
                Email = user.Email ?? string.Empty,
                DisplayName = user.DisplayName,
                Role = role.Name ?? string.Empty,
                OrganizationName = organization == null ? null : organization.Name,
                IsDisabled = user.IsDisabled,
            };
        Accounts = await Sorting.Apply(accounts, Sort).ToPagedListAsync(PageNumber);
    }

    public sealed class AccountRow
    {
        public string Id { get; init; } = string.Empty;

        public string Email { get; init; } = string.Empty;

        public string DisplayName { get; init; } = string.Empty;

        public string Role { get; init; } = string.Empty;

        public string? OrganizationName { get; init; }

        public bool IsDisabled { get; init; }
    }

    public sealed class NewAccountInput
    {
        [Required(ErrorMessage = "请选择账号类型。")]
        [AllowedValues(PortalRoles.Organizer, PortalRoles.Reviewer, ErrorMessage = "只能创建组织者或审核员账号。")]
        [Display(Name = "账号类型")]
        public string? Role { get; set; } = PortalRoles.Organizer;

        [Required(ErrorMessage = "请填写电子邮箱。")]
        [EmailAddress(ErrorMessage = "电子邮箱格式不正确。")]
        [Display(Name = "电子邮箱（登录账号）")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "请填写姓名。")]
        [CharacterLength(PortalUser.DisplayNameMaxLength, ErrorMessage = "姓名不能超过 {1} 个字。")]
        [Display(Name = "姓名")]
        public string? DisplayName { get; set; }

        [Display(Name = "所属单位（组织者）")]
        public Guid? OrganizationId { get; set; }

        [Required(ErrorMessage = "请设置初始密码。")]
        [DataType(DataType.Password)]
        [Display(Name = "初始密码")]
        public string? Password { get; set; }
    }
}
