using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ResearchPortal.Web.Pages;

public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
