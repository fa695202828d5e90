import LabgenCLI
import Foundation

exit(Labgen.run(Array(CommandLine.arguments.dropFirst()), in: .process()))
