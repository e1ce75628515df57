using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Yilian.SharedKernel.Errors;

namespace Yilian.SharedKernel.Validation;

/// <summary>Runs a request's data annotations; handlers call it first so page and API validate alike.</summary>
public static class InputValidator
{
    public static void ThrowIfInvalid(object request)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
        {
            return;
        }

        var errors = results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: JsonNamingPolicy.CamelCase.ConvertName(m), r.ErrorMessage)))
            .GroupBy(x => x.Member)
            .ToDictionary(g => g.Key, g => g.Select(x => x.ErrorMessage ?? "").ToArray());
        throw new InputValidationException(errors);
    }
}
