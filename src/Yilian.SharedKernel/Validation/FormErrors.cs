using Microsoft.AspNetCore.Components.Forms;
using Yilian.SharedKernel.Errors;

namespace Yilian.SharedKernel.Validation;

/// <summary>Shows a handler's field errors next to the fields of a page form, the same ones the API returns.</summary>
public static class FormErrors
{
    /// <summary>Adds each error to its field; returns the errors that belong to no field of the model, joined, or null.</summary>
    public static string? Show(EditContext context, ValidationMessageStore messages, InputValidationException errors)
    {
        var general = new List<string>();
        foreach (var (field, texts) in errors.Errors)
        {
            var property = context.Model.GetType().GetProperties().FirstOrDefault(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                general.AddRange(texts);
            }
            else
            {
                messages.Add(context.Field(property.Name), texts);
            }
        }

        context.NotifyValidationStateChanged();
        return general.Count == 0 ? null : string.Join(" ", general);
    }
}
