using Komdir.Cms.Audit;
using Komdir.Cms.Content;
using Komdir.Cms.Media;
using Komdir.Cms.Routing;
using Komdir.Cms.Users;
using Komdir.Cms.WorkingCopies;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Komdir.Cms.Persistence;

/// <summary>
/// The engine's database: content, versions, schedules, media, redirects, audit, backoffice users and
/// data-protection keys. Provider-neutral; each provider has a subclass that owns its migrations.
/// </summary>
public abstract class CmsDbContext(DbContextOptions options)
    : IdentityDbContext<BackofficeUser>(options), IDataProtectionKeyContext
{
    public DbSet<ContentNode> ContentNodes => Set<ContentNode>();

    public DbSet<ContentVersion> ContentVersions => Set<ContentVersion>();

    public DbSet<ContentSchedule> ContentSchedules => Set<ContentSchedule>();

    public DbSet<MediaItem> MediaItems => Set<MediaItem>();

    public DbSet<Redirect> Redirects => Set<Redirect>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<WorkingCopy> WorkingCopies => Set<WorkingCopy>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<ContentNode>(node =>
        {
            node.ToTable("cms_content_node");
            node.HasIndex(n => n.Key).IsUnique();
            node.HasIndex(n => new { n.ParentId, n.SortOrder });
            node.Property(n => n.ContentType).HasMaxLength(64);
            node.Property(n => n.CreatedBy).HasMaxLength(256);
            node.Property(n => n.PublishedBy).HasMaxLength(256);
            node.HasOne(n => n.Parent).WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
            node.HasMany(n => n.Versions).WithOne(v => v.Node).HasForeignKey(v => v.NodeId).OnDelete(DeleteBehavior.Cascade);
            node.HasOne(n => n.PublishedVersion).WithMany().HasForeignKey(n => n.PublishedVersionId).OnDelete(DeleteBehavior.Restrict);
            node.Ignore(n => n.IsTrashed);
            node.Ignore(n => n.IsPublished);
        });

        builder.Entity<ContentVersion>(version =>
        {
            version.ToTable("cms_content_version");
            version.HasIndex(v => new { v.NodeId, v.Number }).IsUnique();
            version.Property(v => v.Name).HasMaxLength(256);
            version.Property(v => v.UrlSegment).HasMaxLength(256);
            version.Property(v => v.CreatedBy).HasMaxLength(256);
            version.Property(v => v.ImportHash).HasMaxLength(64);
        });

        builder.Entity<ContentSchedule>(schedule =>
        {
            schedule.ToTable("cms_content_schedule");
            schedule.HasIndex(s => new { s.CompletedUtc, s.DueUtc });
            schedule.HasIndex(s => s.NodeId);
            schedule.Property(s => s.CreatedBy).HasMaxLength(256);
        });

        builder.Entity<MediaItem>(media =>
        {
            media.ToTable("cms_media");
            media.HasIndex(m => m.Key).IsUnique();
            media.Property(m => m.Name).HasMaxLength(256);
            media.Property(m => m.FileName).HasMaxLength(256);
            media.Property(m => m.ContentType).HasMaxLength(128);
            media.Property(m => m.Sha256).HasMaxLength(64);
            media.Property(m => m.UpdatedBy).HasMaxLength(256);
        });

        builder.Entity<Redirect>(redirect =>
        {
            redirect.ToTable("cms_redirect");
            redirect.HasIndex(r => r.FromPath).IsUnique();
            redirect.Property(r => r.FromPath).HasMaxLength(512);
            redirect.Property(r => r.ToPath).HasMaxLength(512);
        });

        builder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("cms_audit");
            audit.HasIndex(a => a.TimestampUtc);
            audit.HasIndex(a => a.NodeKey);
            audit.Property(a => a.Actor).HasMaxLength(256);
            audit.Property(a => a.Action).HasMaxLength(64);
            audit.Property(a => a.Details).HasMaxLength(1024);
        });

        builder.Entity<WorkingCopy>(copy =>
        {
            copy.ToTable("cms_working_copy");
            copy.HasIndex(w => new { w.NodeKey, w.Owner }).IsUnique();
            copy.Property(w => w.Owner).HasMaxLength(256);
        });
    }
}
