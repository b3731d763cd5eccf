namespace System.Threading;

/// <summary>
/// The core's syntax tree guards its parent table with a <c>System.Threading.Lock</c> (.NET 9 and later). The C#
/// compiler lowers <c>lock</c> on a type of that name to <c>EnterScope</c> and <c>Scope.Dispose</c>, so this
/// monitor-based stand-in lets the same source compile for netstandard2.0, where the type does not exist.
/// </summary>
internal sealed class Lock
{
    private readonly object _monitor = new();

    /// <summary>Enters the lock until the returned scope is disposed.</summary>
    public Scope EnterScope()
    {
        Monitor.Enter(_monitor);
        return new Scope(_monitor);
    }

    /// <summary>A held lock.</summary>
    public readonly ref struct Scope
    {
        private readonly object _monitor;

        internal Scope(object monitor) => _monitor = monitor;

        /// <summary>Leaves the lock.</summary>
        public void Dispose() => Monitor.Exit(_monitor);
    }
}
