namespace Yilian.SharedKernel.Identifiers;

/// <summary>Names shown to people outside the person's own scope.</summary>
public static class PersonName
{
    /// <summary>张三 → 张*, 欧阳明月 → 欧**月.</summary>
    public static string Mask(string name) => name.Length switch
    {
        <= 1 => name,
        2 => name[0] + "*",
        _ => name[0] + new string('*', name.Length - 2) + name[^1],
    };
}
