using Komdir.Cms.Published;
using Komdir.Web.Features.Search.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Options;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Komdir.Web.Features.Search;

/// <summary>
/// The Lucene index of the published pages, on disk under <see cref="SearchOptions.IndexPath"/>.
/// </summary>
/// <remarks>
/// With a few dozen pages a full rebuild takes milliseconds, so every change to what is published rebuilds the
/// whole index in one commit rather than patching documents: there is no way for the index to drift from the
/// published content. A <see cref="SearcherManager"/> hands out searchers: a search that started before a rebuild
/// keeps its reader until it releases it, and the next search sees the new commit. At start an index on disk is
/// reused only when it is intact (Lucene's CheckIndex) and was built from the same published content and the same
/// analysis (<see cref="SearchCorpus.Fingerprint"/>); a missing, damaged or stale index is deleted and rebuilt.
/// </remarks>
public sealed class SearchIndex : IDisposable
{
    private const string FingerprintKey = "komdir.fingerprint";

    private readonly SearchDocumentBuilder documentBuilder;
    private readonly PublishedContentCache cache;
    private readonly ILogger<SearchIndex> logger;
    private readonly System.Threading.Lock gate = new();
    private LuceneDirectory? directory;
    private IndexWriter? writer;
    private SearcherManager? searchers;
    private SearchCorpus corpus = SearchCorpus.Empty;
    private bool disposed;

    public SearchIndex(
        IOptions<SearchOptions> options,
        IHostEnvironment environment,
        Komdir.Cms.DataLocations locations,
        SearchDocumentBuilder documentBuilder,
        PublishedContentCache cache,
        ILogger<SearchIndex> logger)
    {
        this.documentBuilder = documentBuilder;
        this.cache = cache;
        this.logger = logger;
        IndexFolder = string.IsNullOrWhiteSpace(options.Value.IndexPath)
            ? locations.DefaultSearchIndexFolder
            : Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.IndexPath));
    }

    /// <summary>The absolute folder of the index.</summary>
    public string IndexFolder { get; }

    /// <summary>False when the folder could not be used (another process holds it) and the index lives in memory.</summary>
    public bool IsOnDisk { get; private set; }

    /// <summary>Opens the index on disk, or rebuilds it from the published content when it is missing, damaged or stale.</summary>
    public void EnsureOpen()
    {
        if (Volatile.Read(ref searchers) is not null)
        {
            return;
        }

        lock (gate)
        {
            if (searchers is not null)
            {
                return;
            }

            ObjectDisposedException.ThrowIf(disposed, this);
            Open(new SearchCorpus(documentBuilder.Build(cache.Current)));
        }
    }

    /// <summary>Brings the index in line with <paramref name="snapshot"/>; does nothing when the pages are unchanged.</summary>
    public void Update(PublishedSnapshot snapshot)
    {
        EnsureOpen();
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var next = new SearchCorpus(documentBuilder.Build(snapshot));
            if (next.Fingerprint == corpus.Fingerprint)
            {
                return;
            }

            WriteAll(writer!, next);
            searchers!.MaybeRefreshBlocking();
            logger.LogInformation("Search index rebuilt: {DocumentCount} pages", next.Documents.Count);
        }
    }

    /// <summary>Runs <paramref name="search"/> on the current searcher, which stays valid until it returns, whatever rebuilds meanwhile.</summary>
    public T Search<T>(Func<IndexSearcher, SearchCorpus, T> search)
    {
        EnsureOpen();
        var manager = searchers!;
        var searcher = manager.Acquire();
        try
        {
            return search(searcher, ((CorpusSearcher)searcher).Corpus);
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            searchers?.Dispose();
            writer?.Dispose();
            directory?.Dispose();
        }
    }

    private void Open(SearchCorpus current)
    {
        System.IO.Directory.CreateDirectory(IndexFolder);
        var onDisk = FSDirectory.Open(IndexFolder);
        var reusable = IsIntactAndCurrent(onDisk, current.Fingerprint);
        if (!reusable)
        {
            onDisk.Dispose();
            DeleteIndexFiles();
            onDisk = FSDirectory.Open(IndexFolder);
        }

        try
        {
            writer = new IndexWriter(onDisk, NewConfig(reusable ? OpenMode.APPEND : OpenMode.CREATE));
            directory = onDisk;
            IsOnDisk = true;
        }
        catch (LockObtainFailedException)
        {
            // Another process (a second instance on the same folder) holds the index: serve from memory rather than fail.
            onDisk.Dispose();
            logger.LogWarning("Search index folder {IndexFolder} is locked by another process; using an in-memory index", IndexFolder);
            directory = new RAMDirectory();
            writer = new IndexWriter(directory, NewConfig(OpenMode.CREATE));
            reusable = false;
        }

        if (!reusable)
        {
            WriteAll(writer, current);
            logger.LogInformation("Search index built: {DocumentCount} pages", current.Documents.Count);
        }
        else
        {
            corpus = current;
            logger.LogInformation("Search index opened: {DocumentCount} pages", current.Documents.Count);
        }

        Volatile.Write(ref searchers, new SearcherManager(writer, applyAllDeletes: true, new CorpusSearcherFactory(this)));
    }

    /// <summary>True when the folder holds an undamaged index built from exactly these pages with this analysis.</summary>
    private bool IsIntactAndCurrent(LuceneDirectory onDisk, string fingerprint)
    {
        try
        {
            if (!DirectoryReader.IndexExists(onDisk))
            {
                // Files without a readable commit point are the remains of a damaged index, not an empty folder.
                if (onDisk.ListAll().Any(file => file != IndexWriter.WRITE_LOCK_NAME))
                {
                    logger.LogWarning("Search index in {IndexFolder} has no readable commit; rebuilding it", IndexFolder);
                }
                else
                {
                    logger.LogInformation("No search index in {IndexFolder}; building it", IndexFolder);
                }

                return false;
            }

            var check = new CheckIndex(onDisk).DoCheckIndex();
            if (!check.Clean)
            {
                logger.LogWarning("Search index in {IndexFolder} is damaged; rebuilding it", IndexFolder);
                return false;
            }

            using var reader = DirectoryReader.Open(onDisk);
            if (!reader.IndexCommit.UserData.TryGetValue(FingerprintKey, out var stored) || stored != fingerprint)
            {
                logger.LogInformation("Search index in {IndexFolder} is out of date; rebuilding it", IndexFolder);
                return false;
            }

            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Garbage in the files surfaces as many kinds of exception (corrupt index, end of stream, bad argument, index
            // out of range) while Lucene reads headers and segments; any of them means: rebuild.
            logger.LogWarning(exception, "Search index in {IndexFolder} could not be read; rebuilding it", IndexFolder);
            return false;
        }
    }

    private void DeleteIndexFiles()
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(IndexFolder))
        {
            File.Delete(file);
        }
    }

    private static IndexWriterConfig NewConfig(OpenMode mode) =>
        new(LuceneVersion.LUCENE_48, new KomdirSearchAnalyzer()) { OpenMode = mode };

    /// <summary>Replaces every document in one commit; readers see either the old pages or the new ones.</summary>
    private void WriteAll(IndexWriter target, SearchCorpus next)
    {
        using var analyzer = new KomdirSearchAnalyzer(next.Dictionaries);
        target.DeleteAll();
        foreach (var document in next.Documents)
        {
            target.AddDocument(ToLuceneDocument(document), analyzer);
        }

        target.SetCommitData(new Dictionary<string, string> { [FingerprintKey] = next.Fingerprint });
        target.Commit();
        corpus = next;
    }

    private static Document ToLuceneDocument(SearchDocument page)
    {
        var language = SearchLanguage.FromCode(page.Language);
        var document = new Document
        {
            new StringField(SearchFields.Key, page.Key.ToString(), Field.Store.YES),
            new StringField(SearchFields.Url, page.Url, Field.Store.YES),
            new StringField(SearchFields.Type, page.Type, Field.Store.YES),
            new StringField(SearchFields.Archived, page.IsArchived ? "1" : "0", Field.Store.YES),
            new StringField(SearchFields.Language, language.Code, Field.Store.YES),
            new StoredField(SearchFields.StoredTitle, page.Title),
            new StoredField(SearchFields.StoredText, page.Text),
            // A title is a label, not a text: a long title should not count for less than a short one.
            new Field(SearchFields.For(SearchFieldKind.Title, language), page.Title + "\n" + page.Name, TitleFieldType),
            new TextField(SearchFields.For(SearchFieldKind.Text, language), page.Text, Field.Store.NO),
            new TextField(SearchFields.For(SearchFieldKind.Loose, language), page.Title + "\n" + page.Name + "\n" + page.Text, Field.Store.NO),
        };

        if (page.Period is not null)
        {
            document.Add(new StringField(SearchFields.Period, page.Period, Field.Store.YES));
        }

        return document;
    }

    private static readonly FieldType TitleFieldType = CreateTitleFieldType();

    private static FieldType CreateTitleFieldType()
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED) { OmitNorms = true };
        type.Freeze();
        return type;
    }

    /// <summary>Gives each searcher the corpus its reader was committed from, so snippets use the same dictionaries.</summary>
    private sealed class CorpusSearcherFactory(SearchIndex index) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new CorpusSearcher(reader, index.corpus);
    }

    private sealed class CorpusSearcher(IndexReader reader, SearchCorpus corpus) : IndexSearcher(reader)
    {
        public SearchCorpus Corpus { get; } = corpus;
    }
}
