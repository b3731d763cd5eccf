using System.Globalization;
using System.Threading.Channels;

namespace ReportDsl.Web.Preview;

/// <summary>
/// The current page, rebuilt when a watched file is saved. Editors save in bursts (write, rename, touch), so changes
/// are debounced: one rebuild runs once the files have been quiet for <see cref="Quiet"/>. Every open page listens
/// for the new version over server-sent events.
/// </summary>
internal sealed class PreviewState : IDisposable
{
    /// <summary>How long the files must stay unchanged before a rebuild; short enough that a save shows within a second.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);

    private readonly PreviewInputs _inputs;
    private readonly CultureInfo _culture;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _debounce;
    private readonly Lock _gate = new();
    private readonly HashSet<Channel<long>> _listeners = [];
    private PreviewContent _current;

    public PreviewState(PreviewInputs inputs, CultureInfo culture)
    {
        _inputs = inputs.Resolved();
        _culture = culture;
        _current = PreviewBuilder.Build(_inputs, culture, 1);
        _debounce = new Timer(_ => Rebuild(), null, Timeout.Infinite, Timeout.Infinite);
        Watch(Path.GetDirectoryName(_inputs.DataPath), path => SamePath(path, _inputs.DataPath), subdirectories: false);
        if (_inputs.SpecPath is { } spec)
        {
            if (Directory.Exists(spec))
            {
                Watch(spec, path => path.EndsWith(".rdsl", StringComparison.OrdinalIgnoreCase), subdirectories: true);
            }
            else
            {
                Watch(Path.GetDirectoryName(spec), path => SamePath(path, spec), subdirectories: false);
            }
        }

        if (_inputs.TemplateFolder is { } templates)
        {
            Watch(templates, path => path.EndsWith(".sbn", StringComparison.OrdinalIgnoreCase), subdirectories: false);
        }
    }

    /// <summary>Gets the page as last rendered.</summary>
    public PreviewContent Current => Volatile.Read(ref _current);

    /// <summary>Gets the absolute paths the preview renders.</summary>
    public PreviewInputs Inputs => _inputs;

    /// <summary>Starts listening for new versions; dispose the subscription when the page goes away.</summary>
    public Subscription Subscribe()
    {
        // Only the newest version matters to a page, so a slow page drops older ones rather than queueing them.
        var channel = Channel.CreateBounded<long>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
        {
            _listeners.Add(channel);
        }

        return new Subscription(this, channel);
    }

    /// <summary>Renders the files again now and tells every page (the watcher calls this after the quiet period).</summary>
    public void Rebuild()
    {
        PreviewContent next;
        lock (_gate)
        {
            next = PreviewBuilder.Build(_inputs, _culture, _current.Version + 1);
            Volatile.Write(ref _current, next);
            foreach (var listener in _listeners)
            {
                listener.Writer.TryWrite(next.Version);
            }
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _debounce.Dispose();
        lock (_gate)
        {
            foreach (var listener in _listeners)
            {
                listener.Writer.TryComplete();
            }
        }
    }

    private void Watch(string? folder, Func<string, bool> relevant, bool subdirectories)
    {
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            return;
        }

        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = subdirectories,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        void OnChange(string path)
        {
            if (relevant(path))
            {
                _debounce.Change(Quiet, Timeout.InfiniteTimeSpan);
            }
        }

        watcher.Changed += (_, e) => OnChange(e.FullPath);
        watcher.Created += (_, e) => OnChange(e.FullPath);
        watcher.Deleted += (_, e) => OnChange(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            // An editor's atomic save writes a temporary file and renames it over the watched one.
            OnChange(e.FullPath);
            OnChange(e.OldFullPath);
        };

        // A burst of changes can overflow the watcher's buffer; rendering again is always safe.
        watcher.Error += (_, _) => _debounce.Change(Quiet, Timeout.InfiniteTimeSpan);
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private static bool SamePath(string a, string b) => string.Equals(Path.GetFullPath(a), b, StringComparison.Ordinal);

    private void Unsubscribe(Channel<long> channel)
    {
        lock (_gate)
        {
            _listeners.Remove(channel);
        }
    }

    /// <summary>One page's stream of new versions.</summary>
    internal sealed class Subscription(PreviewState state, Channel<long> channel) : IDisposable
    {
        public ChannelReader<long> Versions => channel.Reader;

        public void Dispose() => state.Unsubscribe(channel);
    }
}
