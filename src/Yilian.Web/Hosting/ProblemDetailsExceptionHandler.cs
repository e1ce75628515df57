using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Yilian.SharedKernel.Errors;
using Yilian.Web.Resources;

namespace Yilian.Web.Hosting;

/// <summary>
/// Errors have one home: validation → 400 with per-field errors, not found or outside scope → 404,
/// broken business rule → 409 or 422, malformed request → 400; anything else → 500 without details.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails problem = exception switch
        {
            InputValidationException v => new ValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = WebText.Get("Problem_Validation"),
            },
            NotFoundException => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = WebText.Get("Problem_NotFound") },
            BusinessRuleException rule => RuleProblem(rule),
            ForbiddenException forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = WebText.Get("Problem_Forbidden"), Detail = forbidden.Message },
            UnsupportedFileException file => new ProblemDetails { Status = StatusCodes.Status415UnsupportedMediaType, Title = WebText.Get("Problem_FileType"), Detail = file.Message },
            FileTooLargeException large => new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge, Title = WebText.Get("Problem_TooLarge"), Detail = large.Message },
            BadHttpRequestException bad => BadRequestProblem(bad),
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = WebText.Get("Problem_Server") },
        };

        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
        }

        // With an error page configured, Request.Path already points at it; the feature keeps the original.
        var path = http.Features.Get<IExceptionHandlerFeature>()?.Path ?? http.Request.Path;
        if (!path.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            // Pages show their own messages; an escaped error gets the status page.
            http.Response.StatusCode = problem.Status ?? 500;
            return false;
        }

        http.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// A request the binder could not read: a body that is not a form answers 415 saying what to send; a JSON value of
    /// the wrong type names its field (from the JSON path), as a validation error does.
    /// </summary>
    private static ProblemDetails BadRequestProblem(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return new ProblemDetails { Status = bad.StatusCode, Title = WebText.Get("Problem_FileType"), Detail = bad.Message };
        }

        // A value of the wrong type (not a truncated or broken document) names its field.
        if (bad.InnerException is System.Text.Json.JsonException { Path: { Length: > 2 } path } json
            && path.StartsWith("$.", StringComparison.Ordinal)
            && json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            var field = path[2..].Split('.', '[')[0];
            return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [WebText.Get("Problem_BadRequestDetail")] })
            {
                Status = StatusCodes.Status400BadRequest, Title = WebText.Get("Problem_Validation"),
            };
        }

        return new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = WebText.Get(bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Problem_TooLarge" : "Problem_BadRequest"),
            Detail = WebText.Get("Problem_BadRequestDetail"),
        };
    }

    private static ProblemDetails RuleProblem(BusinessRuleException rule)
    {
        var problem = new ProblemDetails
        {
            Status = rule.IsConflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
            Title = WebText.Get(rule.IsConflict ? "Problem_Conflict" : "Problem_Rule"),
            Detail = rule.Message,
        };
        problem.Extensions["rule"] = rule.Rule;
        if (rule.Details is IReadOnlyDictionary<string, object?> extensions)
        {
            // Named members of the answer, such as the calendar's "conflicts" list.
            foreach (var (name, value) in extensions)
            {
                problem.Extensions[name] = value;
            }
        }
        else if (rule.Details is not null)
        {
            problem.Extensions["details"] = rule.Details;
        }

        return problem;
    }
}
