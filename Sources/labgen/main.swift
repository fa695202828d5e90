import LabgenCLI
import LabgenCore
import Foundation

MallocArenas.useOne()

exit(Labgen.run(Array(CommandLine.arguments.dropFirst()), in: .process()))
