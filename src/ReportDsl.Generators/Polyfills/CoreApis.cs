using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace ReportDsl.Generators.Polyfills;

/// <summary>
/// The few .NET Core APIs the compiler core calls that netstandard2.0 lacks, as C# 14 extension members with the same
/// names and meaning, so that the core's sources compile unchanged into the generator.
/// </summary>
internal static class CoreApis
{
    extension(ArgumentNullException)
    {
        public static void ThrowIfNull([NotNull] object? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        {
            if (argument is null)
            {
                throw new ArgumentNullException(paramName);
            }
        }
    }

    extension(Math)
    {
        public static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;
    }

    extension(string)
    {
        public static string Join(char separator, IEnumerable<string> values) => string.Join(separator.ToString(), values);

        public static string Concat(ReadOnlySpan<char> first, string second) => first.ToString() + second;
    }

    extension(int)
    {
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out int result) =>
            int.TryParse(s.ToString(), style, provider, out result);
    }

    extension(string text)
    {
        public bool Contains(char value, StringComparison comparison) => text.IndexOf(value.ToString(), comparison) >= 0;

        public int IndexOf(char value, StringComparison comparison) => text.IndexOf(value.ToString(), comparison);

        public string Replace(string oldValue, string newValue, StringComparison comparison) =>
            comparison == StringComparison.Ordinal ? text.Replace(oldValue, newValue) : throw new NotSupportedException("Only ordinal replacement is used.");
    }

    extension(Encoding encoding)
    {
        public string GetString(ReadOnlySpan<byte> bytes) => encoding.GetString(bytes.ToArray());
    }

    extension<TKey, TValue>(Dictionary<TKey, TValue> dictionary)
        where TKey : notnull
    {
        public TValue? GetValueOrDefault(TKey key) => dictionary.TryGetValue(key, out var value) ? value : default;

        public TValue GetValueOrDefault(TKey key, TValue defaultValue) => dictionary.TryGetValue(key, out var value) ? value : defaultValue;
    }

    extension<T>(IEnumerable<T> source)
    {
        public IOrderedEnumerable<T> Order(IComparer<T> comparer) => source.OrderBy(x => x, comparer);

        public IEnumerable<T> DistinctBy<TKey>(Func<T, TKey> keySelector)
        {
            var seen = new HashSet<TKey>();
            foreach (var item in source)
            {
                if (seen.Add(keySelector(item)))
                {
                    yield return item;
                }
            }
        }
    }
}
