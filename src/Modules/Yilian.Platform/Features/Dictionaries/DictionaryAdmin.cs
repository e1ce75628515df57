using System.ComponentModel.DataAnnotations;
using System.Globalization;

using Microsoft.EntityFrameworkCore;

using Yilian.Platform.Contracts;
using Yilian.Platform.Data;
using Yilian.Platform.Domain;
using Yilian.Platform.Resources;
using Yilian.SharedKernel.Errors;
using Yilian.SharedKernel.Security;
using Yilian.SharedKernel.Validation;

namespace Yilian.Platform.Features.Dictionaries;

public sealed class DictionaryItemRequest
{
    [RequiredField, RegularExpression("^[a-z][a-z0-9-]{1,31}$", ErrorMessageResourceType = typeof(Users.PlatformMessages), ErrorMessageResourceName = nameof(Users.PlatformMessages.DictionaryCodeFormat)), Label(typeof(PlatformText), "Dict_Code")]
    public string? Code { get; set; }

    [RequiredField, SafeText(50), Label(typeof(PlatformText), "Dict_NameZh")]
    public string? NameZh { get; set; }

    [RequiredField, SafeText(50), Label(typeof(PlatformText), "Dict_NameEn")]
    public string? NameEn { get; set; }

    [Range(0, 9999), Label(typeof(PlatformText), "Dict_Sort")]
    public int Sort { get; set; }

    public bool IsActive { get; set; } = true;
}

/// <summary>
/// The managed dictionaries: everyone reads them, platform operators add and rename entries and retire
/// them. An entry's code never changes and is never deleted, because records elsewhere keep it.
/// </summary>
internal sealed class DictionaryAdmin(PlatformDbContext db, ICurrentUser user) : IDictionaries
{
    public async Task<IReadOnlyList<DictionaryEntry>> ListAsync(string type, bool includeInactive, CancellationToken ct)
    {
        RequireKnown(type);
        var rows = await db.DictionaryItems.AsNoTracking()
            .Where(i => i.Type == type && (includeInactive || i.IsActive))
            .OrderBy(i => i.Sort).ThenBy(i => i.Code)
            .ToListAsync(ct);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return [.. rows.Select(i => new DictionaryEntry(i.Type, i.Code, english ? i.NameEn : i.NameZh, i.NameZh, i.NameEn, i.Sort, i.IsActive))];
    }

    /// <summary>Adds the entry, or updates names, order and status of an existing code.</summary>
    public async Task<DictionaryEntry> SaveAsync(string type, DictionaryItemRequest request, CancellationToken ct)
    {
        RequireKnown(type);
        if (!PlatformPermissions.KeepsDictionaries(user))
        {
            throw new ForbiddenException(PlatformText.Get("Dict_Forbidden"));
        }

        InputValidator.ThrowIfInvalid(request);
        var code = request.Code!.Trim();
        var item = await db.DictionaryItems.FirstOrDefaultAsync(i => i.Type == type && i.Code == code, ct);
        if (item is null)
        {
            item = new DictionaryItem { Type = type, Code = code };
            db.DictionaryItems.Add(item);
        }

        item.NameZh = request.NameZh!.Trim();
        item.NameEn = request.NameEn!.Trim();
        item.Sort = request.Sort;
        item.IsActive = request.IsActive;
        await db.SaveChangesAsync(ct);
        return new DictionaryEntry(item.Type, item.Code, item.NameZh, item.NameZh, item.NameEn, item.Sort, item.IsActive);
    }

    private static void RequireKnown(string type)
    {
        if (!DictionaryTypes.All.Contains(type))
        {
            throw new NotFoundException("Dictionary", type);
        }
    }
}
