using System.Runtime.CompilerServices;

namespace System.Collections.Generic;

/// <summary>The .NET 5 comparer by reference that the core's symbol tables use, for netstandard2.0.</summary>
internal sealed class ReferenceEqualityComparer : IEqualityComparer<object?>
{
    private ReferenceEqualityComparer()
    {
    }

    /// <summary>Gets the one instance.</summary>
    public static ReferenceEqualityComparer Instance { get; } = new();

    /// <inheritdoc />
    public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

    /// <inheritdoc />
    public int GetHashCode(object? obj) => RuntimeHelpers.GetHashCode(obj);
}
