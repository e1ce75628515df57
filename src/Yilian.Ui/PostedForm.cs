using System.Globalization;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

using Yilian.SharedKernel.Errors;

namespace Yilian.Ui;

/// <summary>
/// What self-posting forms share (a need, a service project, a service): the posted form, its messages by field, and one way
/// to submit — run the handler, go where it says, or keep what was typed with each refusal by its field.
/// </summary>
public abstract class PostedForm : ComponentBase
{
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    /// <summary>The form as posted, after a refusal (null on first showing).</summary>
    protected IFormCollection? Submitted { get; private set; }

    protected IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    /// <summary>Runs <paramref name="save"/> with the posted form and goes to the page it answers; a refusal stays on the form.</summary>
    protected async Task SubmitAsync(Func<IFormCollection, Task<string>> save)
    {
        var form = HttpContext!.Request.Form;
        string? next = null;
        try
        {
            next = await save(form);
        }
        catch (InputValidationException e)
        {
            (Submitted, Errors) = (form, e.Errors.ToDictionary(x => x.Key, x => string.Join(" ", x.Value)));
        }
        catch (Exception e) when (e is BusinessRuleException or ForbiddenException or NotFoundException)
        {
            (Submitted, Errors) = (form, new Dictionary<string, string> { [""] = e.Message });
        }

        if (next is not null)
        {
            Navigation.NavigateTo(next);
        }
    }

    protected string? Posted(string key) => Submitted is not null && Submitted.TryGetValue(key, out var value) ? value.ToString() : null;

    /// <summary>The <paramref name="index"/>th value posted under a repeated name (rows of a rubric or of milestones).</summary>
    protected string? Nth(string key, int index) => Submitted is not null && Submitted.TryGetValue(key, out var values)
        && index < values.Count ? values[index] : null;

    /// <summary>What a field shows: what was posted after a refusal, else the stored value.</summary>
    protected string? Value(string key, string? stored) => Submitted is not null ? Posted(key) : stored;

    protected string Invalid(string field) => Errors.ContainsKey(field) ? "is-invalid" : "";

    protected static DateOnly? Date(string? text) => DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary>Empty is 0; anything else must be a number, else -1, which the handler names as not an amount.</summary>
    protected static decimal? Money(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0m
        : decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : -1m;
}
