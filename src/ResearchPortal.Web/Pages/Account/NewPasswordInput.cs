using System.ComponentModel.DataAnnotations;

namespace ResearchPortal.Web.Pages.Account;

/// <summary>A new password typed twice, as the reset and change pages ask for it.</summary>
public class NewPasswordInput
{
    [Required(ErrorMessage = "请输入新密码。")]
    [DataType(DataType.Password)]
    [Display(Name = "新密码")]
    public string NewPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "请再次输入新密码。")]
    [DataType(DataType.Password)]
    [Compare(nameof(NewPassword), ErrorMessage = "两次输入的密码不一致。")]
    [Display(Name = "确认新密码")]
    public string ConfirmPassword { get; set; } = string.Empty;
}
