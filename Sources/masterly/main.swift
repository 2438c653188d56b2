import ArgumentParser
import MasteryServer
import MasteryStore
print("hi")
