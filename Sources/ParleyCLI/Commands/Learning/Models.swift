import ArgumentParser

/// `parley models ...`: the model registry.
struct Models: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The model registry: list, show, promote, roll back, compare, shadow mode.",
        discussion: "A promotion or rollback made here takes effect in a running server within a second, without a restart.",
        subcommands: [ModelsList.self, ModelsShow.self, ModelsPromote.self, ModelsRollback.self, ModelsDiff.self, ModelsShadow.self, ModelsShadowReport.self]
    )
}
