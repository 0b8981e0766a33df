using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResearchPortal.Web.Authorization;
using ResearchPortal.Web.Data;
using ResearchPortal.Web.Infrastructure;
using ResearchPortal.Web.Pages.Home;

namespace ResearchPortal.Web.Pages;

/// <summary>The home page; a signed-in user also sees 待办, what waits for them.</summary>
[AllowAnonymous]
public class IndexModel(PortalDbContext db, CalendarService calendars, PortalClock clock) : PageModel
{
    /// <summary>Null for visitors (nothing to show); empty when nothing waits.</summary>
    public IReadOnlyList<TodoGroup>? Todo { get; private set; }

    public async Task OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var todo = new TodoList(db, await calendars.LoadAsync(), clock.Today, clock.Now);
        Todo = User.IsReviewer() ? await todo.ForReviewerAsync()
            : User.IsOrganizer() && User.GetOrganizationId() is { } organizationId ? await todo.ForOrganizerAsync(organizationId)
            : User.IsTrainee() ? await todo.ForTraineeAsync(User.GetUserId())
            : null;
    }
}
