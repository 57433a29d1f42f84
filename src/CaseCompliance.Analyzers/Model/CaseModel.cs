using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.RulesFile;

namespace CaseCompliance.Analyzers.Model
{
    /// <summary>
    /// The policy model: what a symbol means here (personal data, purposes in scope, roles), merged from every
    /// <see cref="IMeaningSource"/> — attributes in source and metadata, well-known libraries, the rules files — with
    /// overrides and interface implementations inheriting the meaning of the member they implement. It also holds the
    /// catalogs (purposes, categories, grounds, roles, guidelines) and every rule, built-in and custom, ready for the
    /// hosts of their kinds. One instance per compilation and set of rules files, shared by every analyzer and by the
    /// code fixes; answers are cached.
    /// </summary>
    public sealed class CaseModel
    {
        /// <summary>The <c>.globalconfig</c> key for where help links point (an agency's copy of docs/rules/).</summary>
        public const string HelpLinkBaseKey = "casecompliance.help_link_base";

        /// <summary>The same, from the MSBuild property <c>CaseComplianceHelpLinkBase</c>.</summary>
        public const string HelpLinkBaseProperty = "build_property.CaseComplianceHelpLinkBase";

        private static readonly ConditionalWeakTable<Compilation, ModelBox> Models = new ConditionalWeakTable<Compilation, ModelBox>();

        private readonly ImmutableArray<IMeaningSource> sources;
        private readonly ConcurrentDictionary<ISymbol, SymbolMeaning> declared = new ConcurrentDictionary<ISymbol, SymbolMeaning>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, SymbolMeaning> effective = new ConcurrentDictionary<ISymbol, SymbolMeaning>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, PersonalDataBox> personalData = new ConcurrentDictionary<ISymbol, PersonalDataBox>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, PurposeScope> scopes = new ConcurrentDictionary<ISymbol, PurposeScope>(SymbolEqualityComparer.Default);
        private readonly RoleSet occurring;

        private CaseModel(Compilation compilation, RulesSet rules, string helpLinkBase)
        {
            Compilation = compilation;
            RulesSet = rules;
            Roles = rules.Roles;
            Symbols = new KnownSymbols(compilation);
            Aliases = new UsingAliases(compilation);
            Purposes = rules.Purposes;
            Grounds = rules.Grounds;
            Categories = rules.Categories;
            HelpLinkBase = helpLinkBase;

            var attributes = new AttributeMeaningSource(Symbols, Roles);
            var library = new LibraryMeaningSource(Symbols, Roles);
            var file = new FileMeaningSource(rules);
            var list = ImmutableArray.CreateBuilder<IMeaningSource>(3);
            if (attributes.IsReferenced)
            {
                list.Add(attributes);
            }

            if (library.IsReferenced)
            {
                list.Add(library);
            }

            if (!file.IsEmpty)
            {
                list.Add(file);
            }

            sources = list.ToImmutable();
            occurring = OccurringRoles(Symbols, Roles, rules);
            HasPersonalData = Symbols.PersonalData is not null || Symbols.ProtectedCharacteristic is not null || Symbols.DataClassification is not null
                || rules.DeclaresPersonalData;

            var compiled = ImmutableArray.CreateBuilder<CompiledRule>();
            foreach (var definition in rules.Rules)
            {
                if (!definition.Disabled)
                {
                    compiled.Add(new CompiledRule(definition, this));
                }
            }

            Rules = compiled.ToImmutable();
        }

        public Compilation Compilation { get; }

        /// <summary>The merged rules files (built-in definitions only when the project has none).</summary>
        internal RulesSet RulesSet { get; }

        /// <summary>The role names of this model: built-in, then declared by the rules files.</summary>
        public RoleCatalog Roles { get; }

        /// <summary>Which files declare using aliases (so a name may stand for an annotation under another name).</summary>
        public UsingAliases Aliases { get; }

        public KnownSymbols Symbols { get; }

        /// <summary>The purposes code may declare: well-known and declared in the rules files.</summary>
        public NameCatalog Purposes { get; }

        /// <summary>The grounds of discrimination code may name.</summary>
        public NameCatalog Grounds { get; }

        /// <summary>The data categories.</summary>
        public NameCatalog Categories { get; }

        /// <summary>Where help links point: the package's docs/rules/ unless configured.</summary>
        public string HelpLinkBase { get; }

        /// <summary>Every enabled rule, built-in first, each with its descriptor.</summary>
        public ImmutableArray<CompiledRule> Rules { get; }

        /// <summary>True when anything could be personal data, so the data rules have work to do.</summary>
        public bool HasPersonalData { get; }

        /// <summary>A guideline of the built-in catalog or one a rules file declares.</summary>
        public Guideline? Guideline(string id) => RulesSet.Guideline(id);

        /// <summary>The enabled rules of these kinds.</summary>
        public ImmutableArray<CompiledRule> RulesOfKind(params string[] kinds)
        {
            var builder = ImmutableArray.CreateBuilder<CompiledRule>();
            foreach (var rule in Rules)
            {
                if (System.Array.IndexOf(kinds, rule.Kind.Name) >= 0)
                {
                    builder.Add(rule);
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>
        /// Whether any symbol can play one of these roles in this compilation: its annotation type is referenced, a
        /// well-known library that has it is, or a rules-file entry gives it. A rule whose roles cannot occur costs nothing.
        /// </summary>
        public bool MayOccur(RoleSet roles) => occurring.Overlaps(roles) || CaseRoleMayGiveAny();

        private int caseRoleUsed = -1;

        /// <summary>
        /// Whether a <c>[CaseRole("...")]</c> could give any role here: the attribute is named in a source file, or a
        /// referenced assembly was built against the annotations (it may carry the attribute in its metadata). Asked
        /// only for roles nothing else gives, and answered once: a scan of the source text, not of its symbols.
        /// </summary>
        private bool CaseRoleMayGiveAny()
        {
            if (caseRoleUsed < 0)
            {
                var used = false;
                if (Symbols.CaseRole is { } attribute)
                {
                    foreach (var tree in Compilation.SyntaxTrees)
                    {
                        if (tree.TryGetText(out var text) ? text.ToString().IndexOf("CaseRole", System.StringComparison.Ordinal) >= 0
                            : tree.GetText().ToString().IndexOf("CaseRole", System.StringComparison.Ordinal) >= 0)
                        {
                            used = true;
                            break;
                        }
                    }

                    var annotations = attribute.ContainingAssembly.Identity.Name;
                    foreach (var reference in Compilation.SourceModule.ReferencedAssemblySymbols)
                    {
                        if (used)
                        {
                            break;
                        }

                        foreach (var module in reference.Modules)
                        {
                            foreach (var identity in module.ReferencedAssemblies)
                            {
                                used |= identity.Name == annotations;
                            }
                        }
                    }
                }

                caseRoleUsed = used ? 1 : 0;
            }

            return caseRoleUsed == 1;
        }

        /// <summary>The model of the compilation an analysis starts on, with the project's rules files, built once and shared by every analyzer.</summary>
#pragma warning disable RS1012 // the model only reads the context; the caller registers the actions
        public static CaseModel GetOrCreate(CompilationStartAnalysisContext context)
            => GetOrCreate(context.Compilation, context.Options, context.CancellationToken);
#pragma warning restore RS1012

        /// <summary>The model for a compilation with the options its analyzers see (also what code fixes use, from the project's options).</summary>
        public static CaseModel GetOrCreate(Compilation compilation, AnalyzerOptions? options, CancellationToken cancellationToken = default)
        {
            var files = options is null ? ImmutableArray<RulesDocument>.Empty : RulesFiles.Read(options, cancellationToken);
            var helpLinkBase = HelpBase(options);
            return Models.GetValue(compilation, static _ => new ModelBox()).Get(compilation, files, helpLinkBase);
        }

        /// <summary>The model of a compilation without rules files.</summary>
        public static CaseModel GetOrCreate(Compilation compilation) => GetOrCreate(compilation, null);

        private static string HelpBase(AnalyzerOptions? options)
        {
            var global = options?.AnalyzerConfigOptionsProvider.GlobalOptions;
            if (global is not null && (global.TryGetValue(HelpLinkBaseKey, out var value) || global.TryGetValue(HelpLinkBaseProperty, out value))
                && !string.IsNullOrWhiteSpace(value))
            {
                value = value.Trim();
                return value.EndsWith("/", System.StringComparison.Ordinal) ? value : value + "/";
            }

            return CaseRules.HelpLinkBase;
        }

        private static RoleSet OccurringRoles(KnownSymbols symbols, RoleCatalog roles, RulesSet rules)
        {
            var set = rules.AssignedRoles;
            void Add(INamedTypeSymbol? type, string role)
            {
                if (type is not null)
                {
                    set = set.Union(roles.Set(role));
                }
            }

            Add(symbols.PersonLookup, BuiltInRoles.PersonLookup);
            Add(symbols.LookupAudit, BuiltInRoles.LookupAudit);
            Add(symbols.Subject, BuiltInRoles.Subject);
            Add(symbols.Attestation, BuiltInRoles.Attestation);
            Add(symbols.Attester, BuiltInRoles.Attester);
            Add(symbols.PreparedBy, BuiltInRoles.PreparedBy);
            Add(symbols.SecondPartyCheck, BuiltInRoles.SecondPartyCheck);
            Add(symbols.Disbursement, BuiltInRoles.Disbursement);
            Add(symbols.AttestationStatus, BuiltInRoles.AttestationStatus);
            Add(symbols.CaseDecision, BuiltInRoles.CaseDecision);
            Add(symbols.ConflictOfInterestCheck, BuiltInRoles.ConflictOfInterestCheck);
            Add(symbols.DecisionLogic, BuiltInRoles.DecisionLogic);
            Add(symbols.DecisionRecord, BuiltInRoles.DecisionRecord);
            Add(symbols.Reasoning, BuiltInRoles.Reasoning);
            Add(symbols.Redactor, BuiltInRoles.Redactor);
            Add(symbols.DisclosureSink, BuiltInRoles.DisclosureSink);
            Add(symbols.Logger, BuiltInRoles.Log);
            Add(symbols.Console, BuiltInRoles.Console);
            Add(symbols.Debug, BuiltInRoles.DebugOutput);
            Add(symbols.Trace, BuiltInRoles.DebugOutput);
            Add(symbols.Exception, BuiltInRoles.ExceptionMessage);
            Add(symbols.ComplianceRedactor, BuiltInRoles.ComplianceRedactor);
            return set;
        }

        /// <summary>What is declared on the symbol itself, by every source.</summary>
        public SymbolMeaning Declared(ISymbol symbol)
        {
            symbol = symbol.OriginalDefinition;
            if (declared.TryGetValue(symbol, out var meaning))
            {
                return meaning;
            }

            var builder = new MeaningBuilder();
            foreach (var source in sources)
            {
                source.AddDeclared(symbol, builder);
            }

            return declared.GetOrAdd(symbol, builder.ToMeaning());
        }

        /// <summary>What is declared on a container (type, namespace, assembly) as far as it reaches <paramref name="inner"/>.</summary>
        private SymbolMeaning DeclaredFor(ISymbol container, ISymbol inner)
        {
            var meaning = Declared(container);
            return meaning.Excluding.IsEmpty ? meaning : MeaningBuilder.SeenFrom(meaning, container.OriginalDefinition, inner.OriginalDefinition);
        }

        /// <summary>What the symbol means: declared, or inherited from the members it overrides or implements.</summary>
        public SymbolMeaning Meaning(ISymbol symbol)
        {
            symbol = symbol.OriginalDefinition;
            if (effective.TryGetValue(symbol, out var meaning))
            {
                return meaning;
            }

            var own = Declared(symbol);
            var inherited = InheritedFrom(symbol);
            if (inherited.Count > 0)
            {
                own = Merge(own, inherited);
            }

            return effective.GetOrAdd(symbol, own);
        }

        /// <summary>Whether the symbol plays one of <paramref name="roles"/>, declared or inherited.</summary>
        public bool HasRole(ISymbol symbol, RoleSet roles) => !roles.IsEmpty && Meaning(symbol).Roles.Overlaps(roles);

        /// <summary>Whether the symbol plays the built-in or declared role of this name.</summary>
        public bool HasRole(ISymbol symbol, string role) => HasRole(symbol, Roles.Set(role));

        /// <summary>
        /// Whether reading <paramref name="member"/> (a property, field, method's return value or parameter) reads
        /// personal data; null when it does not. A type-level (or namespace-level) declaration covers the properties and
        /// fields inside. Data without purposes of its own takes its category's default purposes from the rules file.
        /// </summary>
        public PersonalDataInfo? PersonalDataOf(ISymbol member)
        {
            member = member.OriginalDefinition;
            if (personalData.TryGetValue(member, out var box))
            {
                return box.Value;
            }

            var info = Meaning(member).PersonalData;
            if (info is null && member is IPropertySymbol property && property.ContainingType is { IsRecord: true } record)
            {
                // `record Person([PersonalData(...)] string Personnummer)` puts the attribute on the parameter only.
                info = PositionalParameterData(property, record);
            }

            if (info is null && IsDataMember(member) && member.ContainingType is { } type)
            {
                info = MemberDataOfType(type, member);
            }

            if (info is not null && info.Purposes.IsEmpty && RulesSet.CategoryDefaults.TryGetValue(info.Category, out var defaults))
            {
                info = info.WithPurposes(defaults);
            }

            return personalData.GetOrAdd(member, new PersonalDataBox(info)).Value;
        }

        /// <summary>The purposes in scope for code in <paramref name="member"/>: member, containing types, namespaces, assembly.</summary>
        public PurposeScope ScopeOf(ISymbol member)
        {
            member = member.OriginalDefinition;
            if (scopes.TryGetValue(member, out var scope))
            {
                return scope;
            }

            return scopes.GetOrAdd(member, ComputeScope(member));
        }

        /// <summary>The purposes in scope at an operation: the innermost lambda or local function that declares some, then the member's scope.</summary>
        public PurposeScope ScopeAt(IOperation operation, ISymbol containingSymbol)
        {
            for (var p = operation.Parent; p is not null; p = p.Parent)
            {
                var function = p switch
                {
                    IAnonymousFunctionOperation lambda => lambda.Symbol,
                    ILocalFunctionOperation local => local.Symbol,
                    _ => null,
                };
                if (function is not null && DeclaredPurposes(function) is { IsDefault: false } declared)
                {
                    return new PurposeScope(declared, function);
                }
            }

            return ScopeOf(containingSymbol);
        }

        /// <summary>
        /// Whether code at an operation is in a scope of one of <paramref name="roles"/> (<c>decision-logic</c>): an
        /// enclosing lambda or local function, the member (or an accessor's property), a containing type or its base
        /// types, a containing namespace, the assembly.
        /// </summary>
        public bool InRoleScope(IOperation operation, ISymbol containingSymbol, RoleSet roles)
        {
            for (var p = operation.Parent; p is not null; p = p.Parent)
            {
                if (p is ILocalFunctionOperation local && HasRole(local.Symbol, roles) || p is IAnonymousFunctionOperation lambda && HasRole(lambda.Symbol, roles))
                {
                    return true;
                }
            }

            return InRoleScope(containingSymbol, roles);
        }

        /// <summary>Whether a member, its property or a container around it (or a base type) plays one of <paramref name="roles"/>.</summary>
        public bool InRoleScope(ISymbol containingSymbol, RoleSet roles)
        {
            if (roles.IsEmpty)
            {
                return false;
            }

            foreach (var symbol in ScopeChain(containingSymbol))
            {
                if (symbol is INamedTypeSymbol or INamespaceSymbol or IAssemblySymbol ? DeclaredFor(symbol, containingSymbol).HasRole(roles) : HasRole(symbol, roles))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a [LegalBasis] on an enclosing lambda or local function, the member, its property or its containers allows the ground.</summary>
        public bool LegalBasisAllows(IOperation operation, ISymbol containingSymbol, string ground)
        {
            for (var p = operation.Parent; p is not null; p = p.Parent)
            {
                var function = p switch
                {
                    IAnonymousFunctionOperation lambda => lambda.Symbol,
                    ILocalFunctionOperation local => local.Symbol,
                    _ => null,
                };
                if (function is not null && Allows(Declared(function), ground))
                {
                    return true;
                }
            }

            foreach (var symbol in ScopeChain(containingSymbol))
            {
                if (Allows(symbol is INamedTypeSymbol or INamespaceSymbol or IAssemblySymbol ? DeclaredFor(symbol, containingSymbol) : Meaning(symbol), ground))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Allows(SymbolMeaning meaning, string ground)
        {
            foreach (var basis in meaning.LegalBases)
            {
                if (basis.Grounds.Contains(ground))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The member, an accessor's property, the containing types and their base types, the namespaces and the assembly, innermost first.</summary>
        private static IEnumerable<ISymbol> ScopeChain(ISymbol member)
        {
            for (var current = member; current is not null; current = current.ContainingSymbol)
            {
                if (current is INamespaceSymbol { IsGlobalNamespace: true })
                {
                    if (current.ContainingAssembly is { } assembly)
                    {
                        yield return assembly;
                    }

                    yield break;
                }

                yield return current;
                if (current is IMethodSymbol { AssociatedSymbol: { } associated })
                {
                    yield return associated;
                }

                if (current is INamedTypeSymbol type)
                {
                    for (var b = type.BaseType; b is not null && b.SpecialType == SpecialType.None; b = b.BaseType)
                    {
                        yield return b;
                    }
                }
            }
        }

        /// <summary>The purposes declared on a lambda or local function itself, or default.</summary>
        public ImmutableArray<string> DeclaredPurposes(ISymbol symbol) => Declared(symbol).ProcessingPurposes;

        private PurposeScope ComputeScope(ISymbol member)
        {
            for (var current = member; current is not null; current = current.ContainingSymbol)
            {
                switch (current)
                {
                    case IMethodSymbol method:
                        if (Meaning(method).ProcessingPurposes is { IsDefault: false } p)
                        {
                            return new PurposeScope(p, method);
                        }

                        if (method.AssociatedSymbol is { } associated && Meaning(associated).ProcessingPurposes is { IsDefault: false } ap)
                        {
                            return new PurposeScope(ap, associated);
                        }

                        break;
                    case INamedTypeSymbol type:
                        for (var t = type; t is not null; t = t.BaseType)
                        {
                            if (DeclaredFor(t, member).ProcessingPurposes is { IsDefault: false } tp)
                            {
                                return new PurposeScope(tp, t);
                            }
                        }

                        // Implementations inherit meanings (SPEC §2): purposes on an interface the type implements apply too.
                        foreach (var implemented in type.AllInterfaces)
                        {
                            if (DeclaredFor(implemented.OriginalDefinition, member).ProcessingPurposes is { IsDefault: false } ip)
                            {
                                return new PurposeScope(ip, implemented.OriginalDefinition);
                            }
                        }

                        break;
                    case IAssemblySymbol assembly:
                        return DeclaredFor(assembly, member).ProcessingPurposes is { IsDefault: false } asm ? new PurposeScope(asm, assembly) : PurposeScope.None;
                    case INamespaceSymbol ns:
                        if (ns.IsGlobalNamespace)
                        {
                            // The global namespace of a compilation is no assembly's own: go to the member's assembly.
                            return member.ContainingAssembly is { } a && DeclaredFor(a, member).ProcessingPurposes is { IsDefault: false } pa
                                ? new PurposeScope(pa, a)
                                : PurposeScope.None;
                        }

                        if (DeclaredFor(ns, member).ProcessingPurposes is { IsDefault: false } np)
                        {
                            return new PurposeScope(np, ns);
                        }

                        break;
                    default:
                        if (Meaning(current).ProcessingPurposes is { IsDefault: false } other)
                        {
                            return new PurposeScope(other, current);
                        }

                        break;
                }
            }

            return PurposeScope.None;
        }

        private PersonalDataInfo? PositionalParameterData(IPropertySymbol property, INamedTypeSymbol record)
        {
            foreach (var constructor in record.InstanceConstructors)
            {
                foreach (var parameter in constructor.Parameters)
                {
                    if (parameter.Name == property.Name && SymbolEqualityComparer.Default.Equals(parameter.Type, property.Type)
                        && Declared(parameter).PersonalData is { } info)
                    {
                        return info;
                    }
                }
            }

            return null;
        }

        /// <summary>Data that a type (or a base type), or a namespace around it, declares for all its members and that reaches this one.</summary>
        private PersonalDataInfo? MemberDataOfType(INamedTypeSymbol type, ISymbol member)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (DeclaredFor(t, member).MemberPersonalData is { } info)
                {
                    return info;
                }
            }

            for (var ns = type.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                if (DeclaredFor(ns, member).MemberPersonalData is { } info)
                {
                    return info;
                }
            }

            return null;
        }

        private static bool IsDataMember(ISymbol member) => !member.IsImplicitlyDeclared && member switch
        {
            IPropertySymbol => true,
            IFieldSymbol field => !field.IsConst && field.AssociatedSymbol is null,
            _ => false,
        };

        private List<SymbolMeaning> InheritedFrom(ISymbol symbol)
        {
            var list = new List<SymbolMeaning>();
            switch (symbol)
            {
                case IMethodSymbol method:
                    for (var o = method.OverriddenMethod; o is not null; o = o.OverriddenMethod)
                    {
                        list.Add(Declared(o));
                    }

                    break;
                case IPropertySymbol property:
                    for (var o = property.OverriddenProperty; o is not null; o = o.OverriddenProperty)
                    {
                        list.Add(Declared(o));
                    }

                    break;
                case IParameterSymbol parameter when parameter.ContainingSymbol is IMethodSymbol owner:
                    foreach (var m in ImplementedOrOverridden(owner))
                    {
                        if (m is IMethodSymbol im && parameter.Ordinal < im.Parameters.Length)
                        {
                            list.Add(Declared(im.Parameters[parameter.Ordinal]));
                        }
                    }

                    return list;
                default:
                    return list;
            }

            foreach (var implemented in ImplementedInterfaceMembers(symbol))
            {
                list.Add(Declared(implemented));
            }

            return list;
        }

        private IEnumerable<ISymbol> ImplementedOrOverridden(IMethodSymbol method)
        {
            for (var o = method.OverriddenMethod; o is not null; o = o.OverriddenMethod)
            {
                yield return o;
            }

            foreach (var i in ImplementedInterfaceMembers(method))
            {
                yield return i;
            }
        }

        private static IEnumerable<ISymbol> ImplementedInterfaceMembers(ISymbol member)
        {
            var type = member.ContainingType;
            if (type is null || member.IsStatic)
            {
                yield break;
            }

            foreach (var explicitImpl in ExplicitImplementations(member))
            {
                yield return explicitImpl;
            }

            if (type.TypeKind == TypeKind.Interface)
            {
                yield break;
            }

            foreach (var iface in type.AllInterfaces)
            {
                foreach (var candidate in iface.GetMembers(member.Name))
                {
                    var impl = type.FindImplementationForInterfaceMember(candidate);
                    if (impl is not null && SymbolEqualityComparer.Default.Equals(impl.OriginalDefinition, member))
                    {
                        yield return candidate.OriginalDefinition;
                    }
                }
            }
        }

        private static IEnumerable<ISymbol> ExplicitImplementations(ISymbol member) => member switch
        {
            IMethodSymbol m => m.ExplicitInterfaceImplementations,
            IPropertySymbol p => p.ExplicitInterfaceImplementations,
            IEventSymbol e => e.ExplicitInterfaceImplementations,
            _ => ImmutableArray<ISymbol>.Empty,
        };

        private static SymbolMeaning Merge(SymbolMeaning own, List<SymbolMeaning> inherited)
        {
            var roles = own.Roles;
            var data = own.PersonalData;
            var purposes = own.ProcessingPurposes;
            var bases = own.LegalBases;
            foreach (var m in inherited)
            {
                roles = roles.Union(m.Roles);
                data ??= m.PersonalData;
                if (purposes.IsDefault)
                {
                    purposes = m.ProcessingPurposes;
                }

                if (bases.IsEmpty)
                {
                    bases = m.LegalBases;
                }
            }

            var merged = new SymbolMeaning(roles, data, own.MemberPersonalData, purposes, bases);
            return merged.IsEmpty ? SymbolMeaning.None : merged;
        }

        private sealed class PersonalDataBox
        {
            public PersonalDataBox(PersonalDataInfo? value) => Value = value;

            public PersonalDataInfo? Value { get; }
        }

        /// <summary>The models of one compilation: almost always one, for the one set of rules files its analyzers see.</summary>
        private sealed class ModelBox
        {
            private readonly object gate = new object();
            private readonly List<(ImmutableArray<RulesDocument> Files, string HelpLinkBase, CaseModel Model)> models = new List<(ImmutableArray<RulesDocument>, string, CaseModel)>(1);

            public CaseModel Get(Compilation compilation, ImmutableArray<RulesDocument> files, string helpLinkBase)
            {
                lock (gate)
                {
                    foreach (var (f, h, m) in models)
                    {
                        if (h == helpLinkBase && Same(f, files))
                        {
                            return m;
                        }
                    }

                    var model = new CaseModel(compilation, RulesSet.Create(files), helpLinkBase);
                    models.Add((files, helpLinkBase, model));
                    return model;
                }
            }

            private static bool Same(ImmutableArray<RulesDocument> a, ImmutableArray<RulesDocument> b)
            {
                if (a.Length != b.Length)
                {
                    return false;
                }

                // The same files: by reference when the host hands out one text per file (the compiler, the IDE), else by
                // path and content, so that a host that reads the file again for each analyzer still gets one model.
                for (var i = 0; i < a.Length; i++)
                {
                    if (!ReferenceEquals(a[i], b[i])
                        && !(string.Equals(a[i].Path, b[i].Path, System.StringComparison.Ordinal) && a[i].Text.ContentEquals(b[i].Text)))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }

    /// <summary>The purposes in scope at a place in code, and the symbol that declared them.</summary>
    public readonly struct PurposeScope
    {
        public static readonly PurposeScope None = new PurposeScope(ImmutableArray<string>.Empty, null);

        public PurposeScope(ImmutableArray<string> purposes, ISymbol? declaredOn)
        {
            Purposes = purposes;
            DeclaredOn = declaredOn;
        }

        public ImmutableArray<string> Purposes { get; }

        public ISymbol? DeclaredOn { get; }

        /// <summary>True when no purpose is declared (an empty <c>[ProcessingPurpose()]</c> declares none either).</summary>
        public bool IsEmpty => Purposes.IsDefaultOrEmpty;
    }
}
